// A scenario version's identity: SHA-256 of its canonical JSON (RFC 8785), so formatting,
// key order and comments do not change it, and any change of content does.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import canonicalize from 'canonicalize';

export function contentHash(value: unknown): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalize(value) ?? 'null')));
}

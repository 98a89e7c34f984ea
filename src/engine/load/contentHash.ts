// A scenario version's identity: SHA-256 of its JSON value. Whitespace and comments do not
// change it; any change of content does (so does reordering keys — a new version, harmlessly).
// JSON.stringify is specified to the character, so browser, server and CLI agree.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export function contentHash(value: unknown): string {
  return bytesToHex(sha256(utf8ToBytes(JSON.stringify(value) ?? 'null')));
}

// The security headers of every answer (helmet: @fastify/helmet for the app, helmet itself for
// the dev server's pages, which vite serves): a Content-Security-Policy the game, the leaderboard
// pages and vite's dev client keep to, no MIME sniffing, no framing, no referrer. What each
// directive allows, and why, is what the game does (tests/e2e/csp.test.ts visits every screen):
// - scripts: only the game's own files and the one inline script the build writes (by its hash);
//   no other inline script, no eval;
// - styles: the game's stylesheets, the few lines inline in index.html (by their hash, so a page
//   shows its colours before any script), and sheets built by script (constructed stylesheets and
//   element.style, which CSP does not govern); on the dev server also inline <style>, as vite
//   injects the CSS it serves that way;
// - images: data: (Phaser's built-in textures, the page's icon) and blob: (a chart saved as PNG);
// - sound: blob: (howler plays the voices the game fetched);
// - nothing is framed, plugged in or posted elsewhere.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const hashOf = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** CSP's 'sha256-…' sources for the inline scripts and styles of a page. */
export interface InlineHashes {
  readonly scripts: readonly string[];
  readonly styles: readonly string[];
}

/** The hashes of each inline <script> (one without src) and <style> in a page. */
export function inlineHashes(html: string): InlineHashes {
  const scripts = [...html.matchAll(/<script(?![^>]*\ssrc=)(?:\s[^>]*)?>([\s\S]*?)<\/script>/gi)].map((m) => hashOf(m[1]!));
  const styles = [...html.matchAll(/<style(?:\s[^>]*)?>([\s\S]*?)<\/style>/gi)].map((m) => hashOf(m[1]!));
  return { scripts, styles };
}

/**
 * The inline hashes of the built game's page: its few lines of style (colours before any script)
 * and the script the build puts first (vite.config.ts: the game's modules preloaded unless the page
 * is a ?view=). None when there is no build.
 */
export function builtPageHashes(staticDir: string | null | undefined): InlineHashes {
  const page = staticDir ? join(staticDir, 'index.html') : null;
  return page && existsSync(page) ? inlineHashes(readFileSync(page, 'utf8')) : { scripts: [], styles: [] };
}

export interface SecurityHeaderOptions {
  /** The dev server (vite's dev client injects CSS as <style>). */
  readonly dev?: boolean;
  /** The page's inline scripts and styles (builtPageHashes). */
  readonly inline?: InlineHashes;
}

export function helmetOptions(o: SecurityHeaderOptions = {}) {
  const styles = o.dev ? ["'self'", "'unsafe-inline'"] : ["'self'", ...(o.inline?.styles ?? [])];
  const scripts = ["'self'", ...(o.inline?.scripts ?? [])];
  return {
    contentSecurityPolicy: {
      useDefaults: false as const,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: scripts,
        styleSrc: styles,
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'data:', 'blob:'],
        // The API and the game's files; blob: and data: for sounds howler reads back; the dev
        // server's hot-reload socket is the page's own host ('self' covers ws: there).
        connectSrc: ["'self'", 'blob:', 'data:'],
        fontSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // The server often runs on plain HTTP inside an office network: neither upgrading every
    // request to HTTPS nor HSTS belongs to it (a TLS proxy in front sets HSTS if it wants).
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' as const },
    // Board and join codes travel in addresses (?team=…): no page passes them on.
    referrerPolicy: { policy: 'no-referrer' as const },
    xContentTypeOptions: true,
  };
}

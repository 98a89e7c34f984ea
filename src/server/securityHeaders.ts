// The security headers of every answer (helmet: @fastify/helmet for the app, helmet itself for
// the dev server's pages, which vite serves): a Content-Security-Policy the game, the leaderboard
// pages and vite's dev client keep to, no MIME sniffing, no framing, no referrer. What each
// directive allows, and why, is what the game does (tests/e2e/csp.test.ts visits every screen):
// - scripts: only the game's own files (no inline script, no eval);
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

/** The base64 SHA-256 of each inline <style> in a page, as CSP's 'sha256-…' sources. */
export function inlineStyleHashes(html: string): string[] {
  return [...html.matchAll(/<style(?:\s[^>]*)?>([\s\S]*?)<\/style>/gi)].map((m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`);
}

/** The inline styles' hashes of the built game's page (none when there is no build). */
export function builtPageStyleHashes(staticDir: string | null | undefined): string[] {
  const page = staticDir ? join(staticDir, 'index.html') : null;
  return page && existsSync(page) ? inlineStyleHashes(readFileSync(page, 'utf8')) : [];
}

export interface SecurityHeaderOptions {
  /** The dev server (vite's dev client injects CSS as <style>). */
  readonly dev?: boolean;
  /** The page's inline styles (builtPageStyleHashes). */
  readonly styleHashes?: readonly string[];
}

/** helmet's options (the type left to be inferred: @fastify/helmet and helmet name theirs twice, for CommonJS and ESM). */
export function helmetOptions(o: SecurityHeaderOptions = {}) {
  const styles = o.dev ? ["'self'", "'unsafe-inline'"] : ["'self'", ...(o.styleHashes ?? [])];
  return {
    contentSecurityPolicy: {
      useDefaults: false as const,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
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

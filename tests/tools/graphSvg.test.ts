// The SVG graph as Debian's Chromium draws it: every line of text inside its node's box, no two
// edge labels (or a label and a node) on top of each other, every character in a font Debian
// has, and timeouts and ways to the customer giving up drawn quietly, one line per pair of nodes.
// Measured in the real SVG, in the real browser, with the fonts the machine has.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { callGraph } from '../../src/tools/graph/callGraph.js';
import { GRAPH_FONT } from '../../src/tools/graph/toDot.js';
import { toSvg } from '../../src/tools/graph/toSvg.js';
import { SCENARIOS, load } from './support.js';

interface Box { x: number; y: number; w: number; h: number }
interface Drawn {
  nodes: { id: string; box: Box; texts: { text: string; box: Box }[] }[];
  edges: { id: string; label: Box | null; dashed: boolean; stroke: string }[];
  fonts: string[];
}

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
}, 60_000);
afterAll(async () => browser?.close());

/** Draws the SVG and reads back, in the page's own units, every node's box and text and every edge's label. */
async function draw(svg: string): Promise<Drawn> {
  await page.setContent(`<!doctype html><body style="margin:0">${svg}</body>`);
  await page.evaluate(() => document.fonts.ready);
  return page.evaluate(() => {
    const boxOf = (e: SVGGraphicsElement) => {
      const b = e.getBBox();
      return { x: b.x, y: b.y, w: b.width, h: b.height };
    };
    const union = (bs: { x: number; y: number; w: number; h: number }[]) => {
      const x = Math.min(...bs.map((b) => b.x));
      const y = Math.min(...bs.map((b) => b.y));
      return { x, y, w: Math.max(...bs.map((b) => b.x + b.w)) - x, h: Math.max(...bs.map((b) => b.y + b.h)) - y };
    };
    const title = (g: Element) => g.querySelector('title')?.textContent ?? '';
    const nodes = [...document.querySelectorAll('g.node')].map((g) => {
      // The innermost outline (the start node has two).
      const shapes = [...g.querySelectorAll('path, polygon')].map((s) => boxOf(s as SVGGraphicsElement)).sort((a, b) => a.w * a.h - b.w * b.h);
      return { id: title(g), box: shapes[0]!, texts: [...g.querySelectorAll('text')].map((t) => ({ text: t.textContent ?? '', box: boxOf(t as SVGGraphicsElement) })) };
    });
    const edges = [...document.querySelectorAll('g.edge')].map((g) => {
      const texts = [...g.querySelectorAll('text')].map((t) => boxOf(t as SVGGraphicsElement));
      const path = g.querySelector('path')!;
      return { id: title(g), label: texts.length > 0 ? union(texts) : null, dashed: path.hasAttribute('stroke-dasharray'), stroke: path.getAttribute('stroke') ?? '' };
    });
    const fonts = [...new Set([...document.querySelectorAll('text')].map((t) => getComputedStyle(t).fontFamily))];
    return { nodes, edges, fonts };
  });
}

const overlap = (a: Box, b: Box, slack = 0.5) => a.x + a.w - slack > b.x && b.x + b.w - slack > a.x && a.y + a.h - slack > b.y && b.y + b.h - slack > a.y;
const inside = (inner: Box, outer: Box, slack = 0.5) => inner.x >= outer.x - slack && inner.y >= outer.y - slack && inner.x + inner.w <= outer.x + outer.w + slack && inner.y + inner.h <= outer.y + outer.h + slack;

/** Whether one of Debian's installed DejaVu fonts has a glyph for the character (fontconfig's own answer). */
const debianHas = (c: string) => execFileSync('fc-list', [`:charset=${c.codePointAt(0)!.toString(16)}`, 'family'], { encoding: 'utf8' }).includes(GRAPH_FONT);

describe.each(['update-warning', 'licence-key', 'abusive-caller'])('the SVG graph of %s in Chromium', (id) => {
  let svg = '';
  let drawn: Drawn;
  let hungUp: Set<string>;
  let model: ReturnType<typeof callGraph>;
  beforeAll(async () => {
    const file = join(SCENARIOS, `${id}.json`);
    const s = load(readFileSync(file, 'utf8'), file);
    hungUp = new Set([...s.nodes.values()].filter((n) => n.end === 'hung-up' || n.end === 'abandoned').map((n) => n.id));
    model = callGraph(s);
    svg = await toSvg(model);
    drawn = await draw(svg);
  }, 60_000);

  it('is drawn in a font Debian has, with every character in it', () => {
    expect(drawn.fonts).toEqual([`"${GRAPH_FONT}"`]);
    const text = drawn.nodes.flatMap((n) => n.texts.map((t) => t.text)).join('') + svg;
    const unusual = [...new Set([...text].filter((c) => c.codePointAt(0)! > 0x7e))];
    expect(unusual.filter((c) => !debianHas(c))).toEqual([]);
    expect(svg).not.toContain('⏱');
  });

  it('keeps every line of text inside its node’s box', () => {
    const out = drawn.nodes.flatMap((n) => n.texts.filter((t) => !inside(t.box, n.box)).map((t) => `${n.id}: "${t.text}"`));
    expect(out).toEqual([]);
  });

  it('keeps edge labels apart from each other and from the nodes', () => {
    const labels = drawn.edges.filter((e) => e.label !== null);
    expect(labels.length).toBeGreaterThan(10);
    const clashes: string[] = [];
    labels.forEach((a, i) => labels.slice(i + 1).forEach((b) => overlap(a.label!, b.label!) && clashes.push(`${a.id} × ${b.id}`)));
    for (const e of labels) for (const n of drawn.nodes) if (overlap(e.label!, n.box)) clashes.push(`${e.id} × node ${n.id}`);
    expect(clashes).toEqual([]);
  });

  it('draws the ways to the customer giving up quietly, one line per pair of nodes — but a reply that always ends there plainly', () => {
    // Pairs of nodes with a guarded (quiet) way to a hang-up and no plain one: drawn dashed grey.
    const quietPairs = new Set(model.edges.filter((e) => e.quiet).map((e) => `${e.from}->${e.to}`));
    const plainPairs = new Set(model.edges.filter((e) => !e.quiet).map((e) => `${e.from}->${e.to}`));
    const quiet = drawn.edges.filter((e) => hungUp.has(e.id.split('->')[1]!) && quietPairs.has(e.id) && !plainPairs.has(e.id));
    expect(quiet.length).toBeGreaterThan(0);
    expect(quiet.filter((e) => !e.dashed || e.stroke !== '#9a9a9a')).toEqual([]);
    expect(new Set(quiet.map((e) => e.id)).size).toBe(quiet.length);
    // Each pair with a reply that always ends in a hang-up has a plain line of its own.
    const plainToHangUp = [...plainPairs].filter((pair) => hungUp.has(pair.split('->')[1]!));
    expect(plainToHangUp.filter((pair) => !drawn.edges.some((e) => e.id === pair && !(e.dashed && e.stroke === '#9a9a9a')))).toEqual([]);
  });
});

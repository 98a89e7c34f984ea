// Draws a customer (head and shoulders, centred on the head) with Phaser graphics from a look
// and a set of features (see face.ts). Redrawn whenever the features move; a few dozen shapes.
import type Phaser from 'phaser';
import { curve, type Features, type Look } from './face.js';

type G = Phaser.GameObjects.Graphics;
type Pt = { x: number; y: number };

const INK = 0x1d1a22;
const WHITE = 0xf7f7f2;

function shade(colour: number, by: number): number {
  const f = (c: number) => Math.max(0, Math.min(255, Math.round(c * by)));
  return (f(colour >> 16) << 16) | (f((colour >> 8) & 0xff) << 8) | f(colour & 0xff);
}

/** A filled polygon through points. */
function poly(g: G, pts: readonly Pt[], colour: number): void {
  g.fillStyle(colour, 1).beginPath().moveTo(pts[0]!.x, pts[0]!.y);
  for (const p of pts) g.lineTo(p.x, p.y);
  g.closePath().fillPath();
}

/** A stroke of even width along points, as a filled polygon (works the same on every renderer). */
function stroke(g: G, pts: readonly Pt[], width: number, colour: number): void {
  const left: Pt[] = [];
  const right: Pt[] = [];
  pts.forEach((p, i) => {
    const a = pts[Math.max(0, i - 1)]!;
    const b = pts[Math.min(pts.length - 1, i + 1)]!;
    const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const nx = (-(b.y - a.y) / len) * (width / 2);
    const ny = ((b.x - a.x) / len) * (width / 2);
    left.push({ x: p.x + nx, y: p.y + ny });
    right.push({ x: p.x - nx, y: p.y - ny });
  });
  poly(g, [...left, ...right.reverse()], colour);
}

function hairBack(g: G, look: Look): void {
  g.fillStyle(look.hair, 1);
  if (look.hairStyle === 'long') g.fillRoundedRect(-88, -70, 176, 190, 60);
  if (look.hairStyle === 'bun') g.fillCircle(0, -108, 30);
  if (look.hairStyle === 'curly') for (let a = 0; a < 12; a++) g.fillCircle(Math.cos((a / 12) * Math.PI * 2) * 72, -20 + Math.sin((a / 12) * Math.PI * 2) * 80 - 18, 30);
}

function hairFront(g: G, look: Look): void {
  if (look.hairStyle === 'bald') {
    g.fillStyle(look.hair, 1).fillEllipse(-74, -20, 14, 50).fillEllipse(74, -20, 14, 50);
    return;
  }
  g.fillStyle(look.hair, 1);
  g.beginPath();
  const top = curve(-78, -20, 0, -150, 78, -20, 16);
  g.moveTo(top[0]!.x, top[0]!.y);
  for (const p of top) g.lineTo(p.x, p.y);
  const fringe = look.hairStyle === 'short' || look.hairStyle === 'curly' ? curve(78, -20, 20, -70, -78, -20, 12) : curve(78, -20, -10, -55, -78, -14, 12);
  for (const p of fringe) g.lineTo(p.x, p.y);
  g.closePath().fillPath();
}

function eye(g: G, x: number, f: Features, blink: number): void {
  const open = Math.max(0.05, f.eyeOpen * (1 - blink));
  const h = 22 * open;
  g.fillStyle(WHITE, 1).fillEllipse(x, -8, 30, Math.max(3, h));
  if (open > 0.2) {
    g.fillStyle(0x3a5a78, 1).fillCircle(x, -8, Math.min(8, h / 2));
    g.fillStyle(INK, 1).fillCircle(x, -8, Math.min(4, h / 3));
  }
  // Upper lid line: heavier when narrowed.
  stroke(g, curve(x - 16, -8, x, -8 - h * 0.7, x + 16, -8, 8), 3 + (1 - open) * 3, INK);
}

function brows(g: G, f: Features, colour: number): void {
  for (const side of [-1, 1]) {
    const lift = f.browLift * 12 + (side === 1 ? f.browAsym * 10 : -f.browAsym * 2);
    // Anger pulls the inner ends down into a V; sadness lifts them.
    const inner = { x: side * 12, y: -38 - lift + f.browTilt * 13 };
    const outer = { x: side * 48, y: -42 - lift - f.browTilt * 8 };
    stroke(g, curve(inner.x, inner.y, side * 30, Math.min(inner.y, outer.y) - 5, outer.x, outer.y, 8), 7 + Math.max(0, f.browTilt) * 3, colour);
  }
}

function mouth(g: G, f: Features, talk: number): void {
  const open = Math.min(1, f.mouthOpen + talk);
  const w = 30 - Math.abs(f.mouthCurve) * 4;
  const corner = 48 - f.mouthCurve * 10;
  const mid = 48 + f.mouthCurve * 12;
  if (open < 0.08) {
    stroke(g, curve(-w, corner, 0, mid + f.mouthCurve * 6, w, corner, 12), 4, 0x7a2e2e);
    return;
  }
  const upper = curve(-w, corner, 0, mid - open * 4, w, corner, 12);
  const lower = curve(w, corner, 0, mid + open * 34 + f.mouthCurve * 6, -w, corner, 12);
  poly(g, [...upper, ...lower], 0x4a1820);
  // Teeth show when the mouth is open wide (shouting).
  if (open > 0.45) g.fillStyle(WHITE, 1).fillRect(-w * 0.45, (corner + mid - open * 4) / 2, w * 0.9, 4);
}

/** Shoulders and neck: they stay still while the head tilts. */
export function drawBody(g: G, look: Look): void {
  g.clear();
  g.fillStyle(look.shirt, 1).fillRoundedRect(-135, 100, 270, 95, { tl: 90, tr: 90, bl: 0, br: 0 });
  g.fillStyle(shade(look.shirt, 0.75), 1).fillTriangle(-26, 100, 26, 100, 0, 135);
  g.fillStyle(shade(look.skin, 0.85), 1).fillRect(-24, 60, 48, 48);
}

/** The head, centred on (0, 0), with its expression. */
export function drawHead(g: G, look: Look, f: Features, blink = 0, talk = 0): void {
  g.clear();
  hairBack(g, look);
  // Head and ears.
  g.fillStyle(look.skin, 1).fillEllipse(-76, 0, 22, 36).fillEllipse(76, 0, 22, 36).fillEllipse(0, 0, 154, 184);
  if (f.flush > 0.02) g.fillStyle(0xd8453c, f.flush * 0.45).fillEllipse(-44, 26, 34, 20).fillEllipse(44, 26, 34, 20);
  hairFront(g, look);
  eye(g, -30, f, blink);
  eye(g, 30, f, blink);
  brows(g, f, shade(look.hair, 0.8));
  stroke(g, curve(-4, 0, 8, 20, -6, 26, 8), 3, shade(look.skin, 0.7));
  mouth(g, f, talk);
  if (f.tear > 0.05) g.fillStyle(0x56b4e9, f.tear).fillEllipse(-36, 12 + f.tear * 10, 8, 14);
  if (look.glasses) {
    g.lineStyle(4, INK, 0.9).strokeCircle(-30, -8, 21).strokeCircle(30, -8, 21);
    g.lineBetween(-9, -10, 9, -10);
  }
}

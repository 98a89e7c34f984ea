// The backdrop behind every screen: the page colour over the whole window and soft rings
// (a phone's signal) spreading from the lower left corner of the design frame.
import type Phaser from 'phaser';
import { COLOURS } from './palette.js';
import type { Frame } from './viewport.js';

export function drawBackdrop(g: Phaser.GameObjects.Graphics, f: Frame): void {
  const w = f.width * f.dpr;
  const hgt = f.height * f.dpr;
  const unit = f.scale * f.dpr;
  g.clear();
  g.fillStyle(COLOURS.bg, 1).fillRect(0, 0, w, hgt);
  const cx = (f.x + 120 * f.scale) * f.dpr;
  const cy = (f.y + (f.design.height - 80) * f.scale) * f.dpr;
  for (let i = 1; i <= 6; i++) {
    g.lineStyle(2 * unit, COLOURS.sky, 0.05 - i * 0.005).strokeCircle(cx, cy, i * 150 * unit);
  }
}

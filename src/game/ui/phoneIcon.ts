// A telephone handset drawn with Phaser graphics, centred on (0, 0) and about `size` wide: a
// curved grip with the ear and mouth pieces at its ends, tilted like a receiver in the hand.
import type Phaser from 'phaser';

export function drawHandset(g: Phaser.GameObjects.Graphics, size: number, colour: number): void {
  const u = size / 140;
  g.save();
  g.rotateCanvas(-0.55);
  g.lineStyle(20 * u, colour, 1).beginPath().arc(0, 34 * u, 58 * u, Math.PI * 1.12, Math.PI * 1.88).strokePath();
  g.fillStyle(colour, 1);
  g.fillEllipse(-54 * u, 22 * u, 50 * u, 30 * u);
  g.fillEllipse(54 * u, 22 * u, 50 * u, 30 * u);
  g.restore();
}

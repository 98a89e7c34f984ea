// Fits a design frame to the window. A landscape window shows the 1280×720 frame, scaled to fit;
// a window taller than it is wide (a phone held upright) gets a portrait frame, about as many
// design units wide as the window has CSS pixels and as tall as the window, which the screens'
// CSS arranges in one column (`.htl-portrait`). The canvas fills the window at the device's pixel
// density, so shapes stay crisp on a projector, and the DOM layer gets the same scale and offset
// as a CSS transform, so buttons sit exactly over what the canvas draws.
import type Phaser from 'phaser';
import { DESIGN, PORTRAIT } from '../config.js';

export interface Frame {
  /** Design units → CSS pixels. */
  readonly scale: number;
  /** Top-left of the design frame, in CSS pixels. */
  readonly x: number;
  readonly y: number;
  /** The whole window, in CSS pixels. */
  readonly width: number;
  readonly height: number;
  /** CSS pixels → canvas pixels. */
  readonly dpr: number;
  /** The design frame's size, in design units (1280×720 in landscape). */
  readonly design: { readonly width: number; readonly height: number };
  /** The window is taller than wide: the portrait frame and arrangement. */
  readonly portrait: boolean;
}

/**
 * The frame for a window. `previous`: the frame before a resize — a phone's on-screen keyboard
 * can leave an upright window shorter than it is wide without turning it, so a portrait frame
 * stays portrait while the width is the same.
 */
export function fitFrame(width: number, height: number, dpr: number, previous?: Frame): Frame {
  const keyboard = previous?.portrait === true && previous.width === width;
  if (height > width || keyboard) {
    const designWidth = Math.max(PORTRAIT.minWidth, Math.min(PORTRAIT.maxWidth, width));
    const scale = width / designWidth;
    return { scale, x: 0, y: 0, width, height, dpr, design: { width: designWidth, height: height / scale }, portrait: true };
  }
  const scale = Math.min(width / DESIGN.width, height / DESIGN.height);
  return { scale, x: (width - DESIGN.width * scale) / 2, y: (height - DESIGN.height * scale) / 2, width, height, dpr, design: DESIGN, portrait: false };
}

type Listener = (f: Frame) => void;

export class Viewport {
  private frame: Frame;
  private readonly listeners = new Set<Listener>();
  private game: Phaser.Game | null = null;

  constructor(private readonly ui: HTMLElement) {
    this.frame = this.measure();
    addEventListener('resize', () => this.refresh());
    this.applyToDom();
  }

  /** Canvas size for the game's config, before the game exists. */
  get canvasSize(): { width: number; height: number } {
    return { width: Math.round(this.frame.width * this.frame.dpr), height: Math.round(this.frame.height * this.frame.dpr) };
  }

  attach(game: Phaser.Game): void {
    this.game = game;
    this.refresh();
  }

  get current(): Frame {
    return this.frame;
  }

  subscribe(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private measure(): Frame {
    return fitFrame(Math.max(1, innerWidth), Math.max(1, innerHeight), Math.min(3, Math.max(1, devicePixelRatio || 1)), this.frame);
  }

  private refresh(): void {
    this.frame = this.measure();
    const g = this.game;
    if (g) {
      const { width, height } = this.canvasSize;
      g.scale.resize(width, height);
      g.canvas.style.width = `${this.frame.width}px`;
      g.canvas.style.height = `${this.frame.height}px`;
    }
    this.applyToDom();
    for (const fn of this.listeners) fn(this.frame);
  }

  private applyToDom(): void {
    const f = this.frame;
    const s = this.ui.style;
    s.width = `${f.design.width}px`;
    s.height = `${f.design.height}px`;
    s.transform = `translate(${f.x}px, ${f.y}px) scale(${f.scale})`;
    this.ui.classList.toggle('htl-portrait', f.portrait);
  }
}

/** Places a scene's root container on the design frame (in canvas pixels). */
export function placeOnFrame(container: Phaser.GameObjects.Container, f: Frame): void {
  container.setPosition(f.x * f.dpr, f.y * f.dpr).setScale(f.scale * f.dpr);
}

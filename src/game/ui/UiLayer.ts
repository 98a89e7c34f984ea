// The DOM layer over the canvas: one design frame (1280×720 in landscape, a narrow portrait frame
// on a phone held upright; see ui/viewport.ts) in which scenes mount their panels. Everything a player reads or presses lives here as real DOM —
// buttons, captions, forms — so it works with the keyboard, screen readers and tests.
export class UiLayer {
  constructor(readonly root: HTMLElement) {
    root.classList.add('htl-ui');
  }

  /** Adds a scene's panel; returns what removes it. */
  mount(el: HTMLElement): () => void {
    this.root.append(el);
    return () => el.remove();
  }
}

// Preloader: shown only when the address asks for a call (?scenario=…; otherwise Boot goes
// straight to the title): a progress bar while the engine and scenarios load, and the sounds
// start downloading with them. Then it tells the flow. The title waits for no sound: they download once it shows (game.ts,
// afterFirstScreen), and one asked for before its file is here is silent (audio/AudioMixer.ts).
import { SCENES } from '../config.js';
import { callRefs, launchSelection } from '../library/calls.js';
import type { Services } from '../services.js';
import { h } from '../ui/dom.js';
import { COLOURS } from '../ui/palette.js';
import { followSlot, type Rect } from '../ui/slot.js';
import { showTrainerNotice } from '../ui/trainerNotice.js';
import { BaseScene } from './BaseScene.js';
import { loadedEvent } from './loadedEvent.js';

export class PreloaderScene extends BaseScene {
  constructor(services: Services) {
    super(SCENES.preloader, services);
  }

  protected build(): void {
    const bar = this.add.graphics();
    this.frameRoot.add(bar);
    const meter = h('div', { role: 'progressbar', 'aria-label': this.t('loading.label'), 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': 0, class: 'htl-preloader-text' }, this.t('loading.label'));
    // The bar is drawn on the canvas over this slot, wherever the layout puts it.
    const slot = h('div', { class: 'htl-preloader-bar' });
    this.mount(h('div', { class: 'htl-screen htl-preloader' }, h('div', { class: 'htl-preloader-box' }, meter, slot)));
    let area: Rect = { x: 0, y: 0, width: 0, height: 0 };
    let progress = 0;
    const draw = (p: number) => {
      progress = p;
      const { x, y, width: w, height: hgt } = area;
      bar.clear();
      if (w > 0) {
        bar.fillStyle(COLOURS.panel, 1).fillRoundedRect(x, y, w, hgt, hgt / 2);
        bar.fillStyle(COLOURS.sky, 1).fillRoundedRect(x, y, Math.max(hgt, w * p), hgt, hgt / 2);
      }
      meter.setAttribute('aria-valuenow', String(Math.round(p * 100)));
    };
    this.onCleanup(followSlot(this.services.viewport, slot, (r) => ((area = r), draw(progress))));
    draw(0);
    void this.loadAll(draw);
  }

  /** Shown only for a call opened by its address: Boot goes straight to the title otherwise. */
  private async loadAll(progress: (p: number) => void): Promise<void> {
    const { services } = this;
    // A call that rings at once wants its ringing: its sounds download beside the library.
    void services.audio.preload();
    const [, lib] = await Promise.all([document.fonts?.ready, services.library().finally(() => progress(1))]);
    const language = services.settings.get().language;
    const launch = launchSelection(lib, services.launch, language);
    if (!launch) showTrainerNotice(services.ui, [this.t('trainer.noScenario', { id: services.launch.scenario!.id })]);
    this.send(loadedEvent(services, { calls: callRefs(lib, language), launch }));
  }
}

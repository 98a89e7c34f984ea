// Preloader: a progress bar while the sounds download and the fonts settle; when the address
// asks for a call (?scenario=…), the engine and scenarios too. Then it tells the flow.
import { FIRST_SOUNDS } from '../audio/sounds.js';
import { SCENES, STORAGE } from '../config.js';
import { callRefs, launchSelection } from '../library/calls.js';
import type { Services } from '../services.js';
import { h } from '../ui/dom.js';
import { COLOURS } from '../ui/palette.js';
import { followSlot, type Rect } from '../ui/slot.js';
import { showTrainerNotice } from '../ui/trainerNotice.js';
import { BaseScene } from './BaseScene.js';

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

  private async loadAll(progress: (p: number) => void): Promise<void> {
    const { services } = this;
    const launching = services.launch.scenario !== null;
    let sounds = 0;
    let engine = 0;
    const report = () => progress(launching ? sounds * 0.5 + engine * 0.5 : sounds);
    const library = launching ? services.library().finally(() => ((engine = 1), report())) : null;
    await Promise.all([services.audio.preload(FIRST_SOUNDS, (p) => ((sounds = p), report())), document.fonts?.ready, library]);
    void services.audio.preload();
    const identity = services.identity.get();
    const player = identity ? { name: identity.player.name, team: identity.team.name } : null;
    const offline = localStorage.getItem(STORAGE.offline) === '1';
    const language = services.settings.get().language;
    if (!library) return void this.send({ type: 'LOADED', calls: [], launch: null, player, offline });
    const lib = await library;
    const launch = launchSelection(lib, services.launch, language);
    if (!launch) showTrainerNotice(services.ui, [this.t('trainer.noScenario', { id: services.launch.scenario!.id })]);
    this.send({ type: 'LOADED', calls: callRefs(lib, language), launch, player, offline });
  }
}

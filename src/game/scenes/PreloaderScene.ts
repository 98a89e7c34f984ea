// Preloader: a progress bar while the sounds download and the fonts settle; when the address
// asks for a call (?scenario=…), the engine and scenarios too. Then it tells the flow.
import { FIRST_SOUNDS } from '../audio/sounds.js';
import { SCENES, STORAGE } from '../config.js';
import { callRefs, launchSelection } from '../library/calls.js';
import type { Services } from '../services.js';
import { h } from '../ui/dom.js';
import { COLOURS } from '../ui/palette.js';
import { showTrainerNotice } from '../ui/trainerNotice.js';
import { BaseScene } from './BaseScene.js';

export class PreloaderScene extends BaseScene {
  constructor(services: Services) {
    super(SCENES.preloader, services);
  }

  protected build(): void {
    const bar = this.add.graphics();
    this.frameRoot.add(bar);
    const label = this.mount(h('div', { class: 'htl-screen htl-preloader' }));
    const meter = h('div', { role: 'progressbar', 'aria-label': this.t('loading.label'), 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': 0, class: 'htl-preloader-text' }, this.t('loading.label'));
    label.append(meter);
    const draw = (p: number) => {
      bar.clear();
      bar.fillStyle(COLOURS.panel, 1).fillRoundedRect(390, 380, 500, 14, 7);
      bar.fillStyle(COLOURS.sky, 1).fillRoundedRect(390, 380, Math.max(14, 500 * p), 14, 7);
      meter.setAttribute('aria-valuenow', String(Math.round(p * 100)));
    };
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

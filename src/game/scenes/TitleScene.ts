// Title: the game's name, a ringing handset, and the way in — play, sign in, leaderboard,
// settings. Loads the engine and scenarios in the background once it shows.
import { SCENES } from '../config.js';
import type { Services } from '../services.js';
import { button, h } from '../ui/dom.js';
import { COLOURS } from '../ui/palette.js';
import { drawHandset } from '../ui/phoneIcon.js';
import { personalCodeDetails } from '../ui/personalCode.js';
import { followSlot } from '../ui/slot.js';
import { BaseScene } from './BaseScene.js';
import { outboxStrip } from './outboxStrip.js';

export class TitleScene extends BaseScene {
  constructor(services: Services) {
    super(SCENES.title, services);
  }

  protected build(): void {
    // The engine and scenarios load once the title is up, ready for the picker.
    this.time.delayedCall(300, () => void this.services.library());
    this.services.audio.loop('hold', true);
    this.drawEmblem();
    const { player, offline } = this.services.flow.getSnapshot().context;
    const t = this.t;
    const who = player ? t('title.signedInAs', { name: player.name, team: player.team }) : offline ? t('title.offline') : t('title.notSignedIn');
    const play = button(t('title.play'), () => this.click({ type: 'PLAY' }), { class: 'htl-btn htl-btn-primary htl-btn-big' });
    const panel = this.mount(
      h(
        'main',
        { class: 'htl-screen htl-title' },
        h('h1', {}, t('title.name')),
        h('p', { class: 'htl-tagline' }, t('title.tagline')),
        h(
          'nav',
          { class: 'htl-menu', 'aria-label': t('title.menu') },
          play,
          button(t('title.guide'), () => this.click({ type: 'GUIDE' }), { class: 'htl-btn' }),
          button(player ? t('title.switchTeam') : t('title.signIn'), () => this.click({ type: 'SIGN_IN' }), { class: 'htl-btn' }),
          button(t('title.leaderboard'), () => this.click({ type: 'LEADERBOARD' }), { class: 'htl-btn' }),
          button(t('history.heading'), () => this.click({ type: 'HISTORY' }), { class: 'htl-btn' }),
          button(t('title.settings'), () => this.click({ type: 'SETTINGS' }), { class: 'htl-btn' }),
        ),
        h('p', { class: 'htl-who' }, who, player && ' ', player && button(t('title.signOut'), () => this.signOut(), { class: 'htl-link' })),
        player && personalCodeDetails(this.services, t),
      ),
    );
    panel.append(outboxStrip(this.services, (fn) => this.onCleanup(fn)));
    play.focus();
    panel.dataset.ready = 'true';
    // For `npm run bench -- game`: when the title screen became usable.
    performance.mark('htl:title-ready');
  }

  private signOut(): void {
    this.services.identity.set(null);
    this.send({ type: 'SIGNED_OUT' });
    this.scene.restart();
  }

  private click(event: Parameters<BaseScene['send']>[0]): void {
    this.services.audio.play('click');
    this.send(event);
  }

  /** The ringing handset, drawn over its slot (`.htl-emblem`: left of the menu, or above it on a phone). */
  private drawEmblem(): void {
    const emblem = this.add.container(0, 0);
    const handset = this.add.graphics();
    drawHandset(handset, 190, COLOURS.sky);
    const waves = [1, 2, 3].map((i) => {
      const g = this.add.graphics();
      g.lineStyle(10, COLOURS.sky, 1).beginPath().arc(0, 0, 90 + i * 45, -Math.PI * 0.42, -Math.PI * 0.08).strokePath();
      g.beginPath().arc(0, 0, 90 + i * 45, Math.PI * 0.58, Math.PI * 0.92).strokePath();
      g.setAlpha(0.15 + 0.25 * (3 - i));
      return g;
    });
    emblem.add([...waves, handset]);
    this.frameRoot.add(emblem);
    const slot = this.mount(h('div', { class: 'htl-screen' }, h('div', { class: 'htl-emblem' }))).firstElementChild as HTMLElement;
    // Drawn 450 units across (the widest wave) in the landscape layout.
    this.onCleanup(followSlot(this.services.viewport, slot, (r) => emblem.setPosition(r.x + r.width / 2, r.y + r.height / 2).setScale(Math.min(r.width, r.height) / 450).setVisible(r.width > 0)));
    if (!this.motion) return;
    this.tweens.add({ targets: handset, angle: { from: -6, to: 6 }, duration: 90, yoyo: true, repeat: 5, repeatDelay: 0, loopDelay: 1800, loop: -1 });
    waves.forEach((w, i) => this.tweens.add({ targets: w, alpha: { from: 0.05, to: 0.7 }, duration: 900, yoyo: true, loop: -1, delay: i * 250 }));
  }
}

// The team's leaderboard, drawn by the leaderboard's own DOM code in the game's overlay. Without a
// team there is no board to show: the scene says so and offers to sign in.
import type { ResultDetail } from '../../client/index.js';
import { loadNamespace } from '../../i18n/index.js';
import { tryControls, type TryControls } from '../debrief/tryAnother.js';
import type { ScenarioLibrary } from '../library/ScenarioLibrary.js';
import { SCENES } from '../config.js';
import type { Services } from '../services.js';
import { button, h } from '../ui/dom.js';
import { BaseScene } from './BaseScene.js';
import { outboxStrip } from './outboxStrip.js';

export class LeaderboardScene extends BaseScene {
  /**
   * "Try another reply" on each turn of the player's own result: the stored exam, restored on
   * this game's version of the call (when it is the one it was played on) and played on in practice.
   */
  private tryOwnResult(lib: ScenarioLibrary, detail: ResultDetail): TryControls | null {
    // Rebuilt by the engine when this game has the version of the call it was played on; null: it changed since.
    const result = lib.rebuild(detail.transcript);
    const played = result && lib.get({ id: detail.scenario, locale: detail.locale });
    if (!result || !played) return tryControls(null, this.t, () => {});
    const selection = { id: detail.scenario, locale: detail.locale, mode: result.transcript.mode };
    return tryControls((turn) => lib.branchPoint(played, result.transcript, turn), this.t, (turn) => this.send({ type: 'TRY_RESULT', finished: { selection, result }, turn }));
  }

  constructor(services: Services) {
    super(SCENES.leaderboard, services);
  }

  protected build(): void {
    const t = this.t;
    const identity = this.services.identity.get();
    const panel = this.mount(h('main', { class: 'htl-screen htl-board', 'aria-label': t('title.leaderboard') }));
    if (!identity) {
      const signIn = button(t('title.signIn'), () => this.send({ type: 'SIGN_IN' }), { class: 'htl-btn htl-btn-primary' });
      panel.append(
        h(
          'section',
          { class: 'htl-panel htl-centre-box' },
          h('h1', {}, t('title.leaderboard')),
          h('p', {}, t('board.needTeam')),
          outboxStrip(this.services, (fn) => this.onCleanup(fn)),
          h('div', { class: 'htl-row' }, signIn, button(t('common.back'), () => this.send({ type: 'BACK' }), { class: 'htl-btn' })),
        ),
      );
      signIn.focus();
      return;
    }
    const status = h('p', { class: 'htl-muted' }, t('common.loading'));
    panel.append(status);
    void Promise.all([import('../../leaderboard/index.js'), loadNamespace(this.services.i18n, 'leaderboard'), this.services.library()]).then(([lb, lt, lib]) => {
      if (!this.scene.isActive()) return;
      status.remove();
      const view = lb.mountLeaderboard(panel, {
        client: this.services.client,
        code: identity.team.code,
        playerId: identity.player.id,
        t: lt,
        lang: this.services.settings.get().language,
        outbox: this.services.outbox,
        onClose: () => this.send({ type: 'BACK' }),
        turnActions: (detail) => (detail.player.id === identity.player.id ? this.tryOwnResult(lib, detail) : null),
      });
      this.onCleanup(() => view.destroy());
      panel.querySelector<HTMLElement>('button')?.focus();
    });
  }
}

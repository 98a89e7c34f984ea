// The picker: every call as a card, practice or exam, and the way to the leaderboard and settings.
import type { Mode } from '../../engine/index.js';
import { SCENES, STORAGE } from '../config.js';
import { callRefs } from '../library/calls.js';
import type { ScenarioLibrary } from '../library/ScenarioLibrary.js';
import { assignmentSection, loadAssignments } from '../picker/assignments.js';
import { callCard, type CallCard } from '../picker/callCard.js';
import { modeChoice } from '../picker/modeChoice.js';
import type { Services } from '../services.js';
import { button, fill, h } from '../ui/dom.js';
import { clearTrainerNotice, showTrainerNotice } from '../ui/trainerNotice.js';
import { BaseScene } from './BaseScene.js';

export class PickerScene extends BaseScene {
  private mode: Mode = 'practice';

  constructor(services: Services) {
    super(SCENES.picker, services);
  }

  protected build(): void {
    const t = this.t;
    this.services.audio.loop('hold', true);
    this.mode = localStorage.getItem(STORAGE.mode) === 'exam' ? 'exam' : 'practice';
    const grid = h('div', { class: 'htl-cards', 'aria-busy': 'true' }, h('p', { class: 'htl-muted' }, t('common.loading')));
    const modes = modeChoice(t, this.mode, (m) => this.setMode(m)).el;
    this.mount(
      h(
        'main',
        { class: 'htl-screen htl-picker' },
        h(
          'header',
          { class: 'htl-bar' },
          button(t('common.back'), () => this.send({ type: 'BACK' }), { class: 'htl-btn htl-btn-ghost' }),
          h('h1', {}, t('picker.heading')),
          h(
            'div',
            { class: 'htl-row' },
            button(t('history.heading'), () => this.send({ type: 'HISTORY' }), { class: 'htl-btn' }),
            button(t('title.leaderboard'), () => this.send({ type: 'LEADERBOARD' }), { class: 'htl-btn' }),
            button(t('title.settings'), () => this.send({ type: 'SETTINGS' }), { class: 'htl-btn' }),
          ),
        ),
        modes,
        grid,
      ),
    );
    void this.services.library().then((lib) => {
      if (!this.scene.isActive()) return;
      this.showCalls(lib, grid);
      // A trainer saved a scenario (npm run dev): show the cards as they are now.
      this.onCleanup(lib.subscribe(() => this.showCalls(lib, grid)));
    });
  }

  private setMode(mode: Mode): void {
    this.mode = mode;
    localStorage.setItem(STORAGE.mode, mode);
    this.services.audio.play('click');
  }

  private showCalls(lib: ScenarioLibrary, grid: HTMLElement): void {
    const language = this.services.settings.get().language;
    this.send({ type: 'CALLS_CHANGED', calls: callRefs(lib, language) });
    const problems = lib.problems();
    if (problems.length > 0) showTrainerNotice(this.services.ui, problems.flatMap((p) => p.messages), this.t('trainer.problems'));
    else clearTrainerNotice();
    const cards = lib.calls().map((call) =>
      callCard({
        call,
        locale: lib.refFor(call, language).locale,
        t: this.t,
        best: (locale) => this.services.bests.get(call.id, locale),
        onPlay: (locale) => {
          this.services.audio.play('click');
          this.send({ type: 'PICK', selection: { id: call.id, locale, mode: this.mode } });
        },
      }),
    );
    grid.removeAttribute('aria-busy');
    fill(grid, ...cards.map((c) => c.el));
    cards[0]?.el.querySelector<HTMLButtonElement>('[data-play]')?.focus();
    void this.teamBests(lib, cards);
    void this.assignments(lib, grid, language);
  }

  /** The player's assignments, first: each call's exam starts from there (picker/assignments.ts). */
  private async assignments(lib: ScenarioLibrary, grid: HTMLElement, language: string): Promise<void> {
    const mine = await loadAssignments(this.services.client, this.services.identity.get());
    if (!this.scene.isActive()) return;
    grid.querySelector('.htl-assign-list')?.remove();
    const byId = new Map(lib.calls().map((c) => [c.id, c]));
    const section = assignmentSection(mine, {
      t: this.t,
      locale: language,
      titleOf: (id) => {
        const call = byId.get(id);
        return call ? call.versions.get(lib.refFor(call, language).locale)!.title : id;
      },
      has: (id) => byId.has(id),
      onExam: (id) => {
        this.services.audio.play('click');
        this.send({ type: 'PICK', selection: { id, locale: lib.refFor(byId.get(id)!, language).locale, mode: 'exam' } });
      },
    });
    if (!section) return;
    // Focus moves to the first assignment's exam only if it still rests where the picker put it.
    const resting = document.activeElement === grid.querySelector('[data-play]');
    grid.prepend(section);
    if (resting) section.querySelector<HTMLButtonElement>('[data-exam]')?.focus();
  }

  /** The team's best on each call, when signed in and the server answers; nothing otherwise. */
  private async teamBests(lib: ScenarioLibrary, cards: readonly CallCard[]): Promise<void> {
    const identity = this.services.identity.get();
    if (!identity) return;
    const calls = lib.calls();
    await Promise.all(
      calls.map(async (call, i) => {
        try {
          const board = await this.services.client.board(identity.team.code, { period: 'season', scenario: call.id });
          if (this.scene.isActive()) cards[i]!.setTeamBest(board.rows.length ? Math.max(...board.rows.map((r) => r.standing)) : null);
        } catch {
          // offline: no team best shown
        }
      }),
    );
  }
}

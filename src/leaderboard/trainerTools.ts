// What a trainer can do from the board: export every result as CSV, rename the team, start a
// new season. Shown only when the board was opened with the trainer token.
import type { ApiClient, TeamInfo } from '../client/index.js';
import { h } from './dom.js';
import type { Translate } from './index.js';

export function trainerTools(o: { client: ApiClient; code: string; token: string; t: Translate; team: TeamInfo; reload: () => Promise<void> }): Element {
  const { t } = o;
  const status = h('p', { role: 'status', class: 'htl-muted' });
  const run = (action: () => Promise<unknown>) => async () => {
    try {
      await action();
      await o.reload();
    } catch (e) {
      status.textContent = t('trainer.failed', { message: e instanceof Error ? e.message : String(e) });
    }
  };
  const exportCsv = run(async () => {
    const csv = await o.client.trainer.exportCsv(o.token, o.code);
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = h('a', { href: url, download: `${o.team.name.replace(/[^\p{L}\p{N}]+/gu, '-')}-results.csv` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });
  const rename = run(async () => {
    const name = globalThis.prompt?.(t('trainer.newName'), o.team.name)?.trim();
    if (name) await o.client.trainer.renameTeam(o.token, o.code, name);
  });
  const season = run(async () => {
    if (globalThis.confirm?.(t('trainer.confirmNewSeason'))) await o.client.trainer.resetSeason(o.token, o.code);
  });
  return h(
    'div',
    { class: 'htl-panel' },
    h('h3', {}, t('trainer.title')),
    h(
      'div',
      { class: 'htl-group' },
      h('button', { type: 'button', onclick: () => void exportCsv() }, t('trainer.exportCsv')),
      h('button', { type: 'button', onclick: () => void rename() }, t('trainer.renameTeam')),
      h('button', { type: 'button', onclick: () => void season() }, t('trainer.newSeason')),
    ),
    status,
  );
}

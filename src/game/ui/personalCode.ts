// "My personal code" beside "Signed in as" on the title screen: the code this browser was shown
// (when joining, signing in with it, or making a new one here), or a way to make a new one (the
// old one stops working) for a player whose browser never knew it. The code lives only in the
// browser's remembered identity; the server keeps its hash.
import type { TFunction } from 'i18next';
import { ApiError } from '../../client/index.js';
import type { Services } from '../services.js';
import { button, fill, h } from './dom.js';

export function personalCodeDetails(services: Pick<Services, 'identity' | 'client'>, t: TFunction): HTMLElement | null {
  const identity = services.identity.get();
  if (!identity) return null;
  const line = h('p', {});
  const status = h('p', { role: 'status', 'aria-live': 'polite' });
  const make = button(
    t('title.makeCode'),
    async () => {
      const current = services.identity.get();
      if (!current) return;
      make.disabled = true;
      status.textContent = t('title.makingCode');
      try {
        const { personalCode } = await services.client.newPersonalCode(current);
        services.identity.set({ ...current, personalCode });
        show(personalCode);
        status.textContent = t('title.codeMade');
      } catch (e) {
        status.textContent = t('title.codeFailed', { message: e instanceof ApiError && e.status === 0 ? t('signIn.unreachable') : e instanceof Error ? e.message : String(e) });
      } finally {
        make.disabled = false;
      }
    },
    { class: 'htl-link' },
  );
  // One line: the code (or that this browser does not know it), then the way to a new one.
  const show = (code: string | undefined) => fill(line, code ? t('title.yourCode', { code }) : t('title.codeUnknown'), ' ', make);
  show(identity.personalCode);
  return h('details', { class: 'htl-who htl-personal-code' }, h('summary', {}, t('title.personalCode')), line, status);
}

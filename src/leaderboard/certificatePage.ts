// The certificate page (`/?view=certificate&code=<code>`, public): asks the server for the code
// and shows what it answers — name, assignment, date and scores, nothing else — as a page that
// prints like a certificate, with the verification code in groups and the address to check it at.
// A code the server does not know says "not a valid certificate"; an expired one says so.
import type { ApiClient } from '../client/index.js';
import { assignmentsApi, CertificateError, groupedCode } from '../client/assignmentsApi.js';
import type { CertificateView } from '../client/assignmentTypes.js';
import { injectAssignmentStyles } from './assignmentStyles.js';
import { fill, h } from './dom.js';
import { SKILLS, skillLabel } from './format.js';
import { localeOf, translator } from './i18n.js';
import type { MountedView, Translate } from './index.js';

export interface CertificateOptions {
  readonly client: ApiClient;
  readonly code: string;
  /** Opened at the address printed on the certificate: says plainly it is valid, and offers no Print. */
  readonly verify?: boolean;
  readonly lang?: string;
  readonly t?: Translate;
}

/** Where a certificate is checked: this page's address for its code. */
export const certificateUrl = (origin: string, code: string): string => `${origin}/?view=certificate&code=${encodeURIComponent(code)}`;

/** A date with its year, as a certificate writes it ("2 December 2026"). */
export const longDate = (iso: string, locale: string): string => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));

export function mountCertificate(container: HTMLElement, opts: CertificateOptions): MountedView {
  injectAssignmentStyles();
  const t = translator(opts);
  const locale = localeOf(opts);
  const api = assignmentsApi(opts.client);
  const root = h('main', { class: 'htl-certificate', lang: locale, 'aria-busy': 'true' }, h('p', {}, t('certificate.loading')));
  container.append(root);
  let live = true;
  const code = opts.code.replace(/[\s-]/g, '').toLowerCase();

  const voided = (heading: string, text: string) => fill(root, h('section', { class: 'htl-cert-void', role: 'alert' }, h('h1', {}, heading), h('p', {}, text)));

  function show(c: CertificateView): void {
    const origin = globalThis.location?.origin ?? '';
    fill(
      root,
      opts.verify
        ? h('p', { class: 'htl-cert-valid', role: 'status' }, t('certificate.valid', { date: longDate(new Date().toISOString(), locale) }))
        : h('div', { class: 'htl-cert-tools' }, h('button', { type: 'button', onclick: () => globalThis.print() }, t('certificate.print'))),
      h(
        'article',
        { class: 'htl-cert-page', 'aria-labelledby': 'htl-cert-heading' },
        h(
          'div',
          { class: 'htl-cert-frame' },
          h('h1', { id: 'htl-cert-heading' }, t('certificate.title')),
          h('p', { class: 'htl-cert-small' }, t('certificate.awarded')),
          h('p', { class: 'htl-cert-name', 'data-field': 'name' }, c.name),
          h('p', { class: 'htl-cert-small' }, t('certificate.passed')),
          h('p', { class: 'htl-cert-title', 'data-field': 'assignment' }, c.assignment),
          h(
            'table',
            {},
            h('caption', { class: 'htl-cert-small' }, t('certificate.scores')),
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('certificate.call')), h('th', { scope: 'col' }, skillLabel(t, 'overall')), ...SKILLS.map((s) => h('th', { scope: 'col' }, skillLabel(t, s))))),
            h('tbody', {}, ...c.scores.map((s) => h('tr', {}, h('th', { scope: 'row' }, s.title), h('td', {}, s.overall), ...SKILLS.map((k) => h('td', {}, s[k]))))),
          ),
          h(
            'div',
            { class: 'htl-cert-dates' },
            h('p', { class: 'htl-cert-small', 'data-field': 'issued' }, t('certificate.issued', { date: longDate(c.issuedAt, locale) })),
            h('p', { class: 'htl-cert-small', 'data-field': 'expires' }, c.expiresAt ? t('certificate.expires', { date: longDate(c.expiresAt, locale) }) : t('certificate.noExpiry')),
          ),
          h('p', { class: 'htl-cert-small' }, t('certificate.code')),
          h('p', { class: 'htl-cert-code', 'data-field': 'code' }, groupedCode(code)),
          h('p', { class: 'htl-cert-url' }, t('certificate.verifyAt', { url: `${certificateUrl(origin, groupedCode(code).replace(/ /g, '-'))}&verify=1` })),
        ),
      ),
    );
  }

  async function load(): Promise<void> {
    root.setAttribute('aria-busy', 'true');
    try {
      if (!/^[0-9a-f]{32}$/.test(code)) throw new CertificateError(404, 'unknown-certificate', 'not a code', null);
      const c = await api.certificate(code);
      if (live) show(c);
    } catch (e) {
      if (!live) return;
      if (e instanceof CertificateError && e.code === 'unknown-certificate') voided(t('certificate.invalid'), t('certificate.invalidHelp'));
      else if (e instanceof CertificateError && e.code === 'certificate-expired') voided(t('certificate.expired'), t('certificate.expiredHelp', { date: e.expiredAt ? longDate(e.expiredAt, locale) : '—' }));
      else voided(t('certificate.unchecked'), t('certificate.loadFailed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      if (live) root.setAttribute('aria-busy', 'false');
    }
  }
  void load();
  return {
    refresh: load,
    destroy: () => {
      live = false;
      root.remove();
    },
  };
}

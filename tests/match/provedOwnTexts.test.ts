// The matcher's cheap proof that a reply's own text is taken as that reply (issue 17: lint's
// replies-alike check scores only the texts it cannot prove). Checked against the matcher
// itself: every text the proof clears must be matchReply's confident match for its own reply —
// on every shipped call and translation, and on random nodes whose replies share words,
// beginnings and typos in all four languages.
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/engine/index.js';
import { matchReply, provedOwnTexts, textsOfReply } from '../../src/engine/match/index.js';
import { shippedCalls } from '../support/shipped.js';
import { edited, load } from '../tools/support.js';

interface Tally {
  proved: number;
  unproved: number;
  /** Unproved texts the matcher does not take confidently as their own reply. */
  alike: number;
}

/** Checks every reply text of every node of the call; a proved text must match its own reply confidently. */
function checkCall(s: Scenario, tally: Tally): void {
  for (const node of s.nodes.values()) {
    if (node.replies.length < 2) continue;
    const offered = node.replies.map((r) => r.id);
    const proved = provedOwnTexts(s, node);
    for (const reply of node.replies) {
      textsOfReply(reply).forEach((text, i) => {
        const m = matchReply(s, node.id, offered, text);
        const own = m.verdict === 'confident' && m.reply === reply.id;
        if (proved[reply.index]![i]) {
          tally.proved++;
          expect(own, `${s.id} (${s.locale}) ${node.id} ${reply.id}: "${text}" proved, but the matcher says ${m.verdict} ${m.reply ?? ''}`).toBe(true);
        } else {
          tally.unproved++;
          if (!own) tally.alike++;
        }
      });
    }
  }
}

// Words that share stems, beginnings and trigrams across replies, and stop words between them.
const WORDS: Record<string, string[]> = {
  en: 'check checking checked chequer order orders ordering border refund refunds fund delivery deliver late later plate sorry sorrow courier carrier track tracking trick parcel parcels cancel cancelled the a your it is not can\'t please'.split(' '),
  ru: 'проверю проверка проверить заказ заказы заказать возврат возвраты доставка доставить поздно позже извините извинения курьер посылка посылку отменить отмена не и ваш это пожалуйста'.split(' '),
  pl: 'sprawdzę sprawdzić sprawdzenie zamówienie zamówienia zamówić zwrot zwroty dostawa dostarczyć późno później przepraszam przeprosiny kurier paczka paczkę anulować anulowanie nie i pana to proszę'.split(' '),
  uk: 'перевірю перевірка перевірити замовлення замовити повернення доставка доставити пізно пізніше вибачте вибачення кур\'єр посилка посилку скасувати скасування не і ваш це будь ласка'.split(' '),
};

function randomCall(seed: number, locale: string): Scenario {
  const gen = xoroshiro128plus(seed);
  const int = (lo: number, hi: number) => uniformInt(gen, lo, hi);
  const words = WORDS[locale]!;
  const sentence = () => Array.from({ length: int(1, 6) }, () => words[int(0, words.length - 1)]!).join(' ');
  return load(
    edited((doc) => {
      for (const reply of doc.nodes.greeting.replies) {
        reply.say = sentence();
        const examples = int(0, 2);
        if (examples > 0) reply.examples = Array.from({ length: examples }, sentence);
      }
    }, `random-${seed}`, locale),
  );
}

describe('the proof that a reply is told apart from the others', () => {
  it('clears only texts the matcher takes confidently as their own reply, on every shipped call', () => {
    const tally: Tally = { proved: 0, unproved: 0, alike: 0 };
    for (const s of shippedCalls()) checkCall(s, tally);
    // It must spare the matcher most of the work, or lint gains nothing from it.
    expect(tally.proved).toBeGreaterThan(2 * tally.unproved);
  });

  it.each(Object.keys(WORDS))('clears only such texts on random nodes of alike words (%s)', (locale) => {
    const tally: Tally = { proved: 0, unproved: 0, alike: 0 };
    for (let seed = 1; seed <= 150; seed++) checkCall(randomCall(seed, locale), tally);
    // Both sides are exercised: texts proved, and texts the matcher really cannot tell apart.
    expect(tally.proved).toBeGreaterThan(20);
    expect(tally.alike).toBeGreaterThan(20);
  });
});

// The team's insights for a period: its weakest skill, the key facts calls most often ended
// without, and per call the weaker reply chosen most often — each with a result to replay. The
// counts are of the engine's reviews kept with each result (resultReview.ts); a result not
// reviewed yet is reviewed here (and kept), a batch per request.
import type { FastifyPluginAsync } from 'fastify';
import type { Insights, MissedFact, WeakestSkill, WrongReply } from '../../client/teamTypes.js';
import { DIMENSIONS, type Scenario } from '../../engine/index.js';
import { parseReview, reviewStored, type ResultReview } from '../resultReview.js';
import type { ScenarioLibrary } from '../scenarios.js';
import type { Store } from '../store/store.js';
import { reviewRows, teamSkillMeans, transcriptOf, type ReviewRow } from '../store/teamQueries.js';
import { teamOf } from './auth.js';
import { scopeOf } from './members.js';
import { periodQuerySchema, type PeriodQuery } from './period.js';
import { codeParams } from './schemas.js';

/** Most missed facts listed. */
export const MAX_FACTS = 8;
/** Time spent reviewing results that have no review yet, per request; the rest waits for the next. */
const REVIEW_BUDGET_MS = 1500;

const round1 = (n: number) => Math.round(n * 10) / 10;
const SEP = '\u0000';

const insightsQuery = {
  type: 'object',
  properties: { ...periodQuerySchema.properties, lang: { type: 'string', pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$' } },
} as const;

interface Counted {
  count: number;
  example: ReviewRow;
}

/** The later played of two results (the later stored of two played at once). */
const newer = (a: ReviewRow, b: ReviewRow) => (a.played_at > b.played_at || (a.played_at === b.played_at && a.id > b.id) ? a : b);

function bump<K>(m: Map<K, Counted>, key: K, row: ReviewRow): void {
  const c = m.get(key);
  // The example is the latest result counted.
  if (c) {
    c.count++;
    c.example = newer(row, c.example);
  } else m.set(key, { count: 1, example: row });
}

/** The lowest of the team's skill means (the engine's order breaks a tie). */
export function weakest(means: { politeness: number; accuracy: number; judgment: number } | null): WeakestSkill | null {
  if (!means) return null;
  let out: WeakestSkill | null = null;
  for (const skill of DIMENSIONS) if (!out || means[skill] < out.average) out = { skill, average: means[skill] };
  return out && { skill: out.skill, average: round1(out.average) };
}

/** The texts of a call shown in the viewer's language: its latest version in that language, else the version a result was played on. */
class CallTexts {
  private readonly latest = new Map<string, string>();
  constructor(
    private readonly library: ScenarioLibrary,
    index: readonly { hash: string; id: string; locale: string }[],
    lang: string | undefined,
  ) {
    // The index is in the order versions were seen: the last one in the language is the newest.
    for (const v of index) if (v.locale === lang) this.latest.set(v.id, v.hash);
  }

  private async versions(scenario: string, playedOn: string): Promise<Scenario[]> {
    const hashes = [this.latest.get(scenario), playedOn].filter((h): h is string => !!h);
    const out: Scenario[] = [];
    for (const h of new Set(hashes)) {
      const s = await this.library.get(h);
      if (s) out.push(s);
    }
    return out;
  }

  /** The language of the version the texts are taken from (the viewer's when that version exists). */
  async lang(scenario: string, playedOn: string): Promise<string | null> {
    return (await this.versions(scenario, playedOn))[0]?.locale ?? null;
  }

  async title(scenario: string, playedOn: string): Promise<string> {
    return (await this.versions(scenario, playedOn))[0]?.title ?? scenario;
  }

  async fact(scenario: string, playedOn: string, fact: string): Promise<string> {
    for (const s of await this.versions(scenario, playedOn)) {
      const f = s.facts.get(fact);
      if (f) return f.text;
    }
    return fact;
  }

  async reply(scenario: string, playedOn: string, node: string, reply: string): Promise<string> {
    for (const s of await this.versions(scenario, playedOn)) {
      const r = s.nodes.get(node)?.replies.find((x) => x.id === reply);
      if (r) return r.say;
    }
    return reply;
  }
}

export const insightRoutes: FastifyPluginAsync<{ store: Store; library: ScenarioLibrary }> = async (app, { store, library }) => {
  app.get<{ Params: { code: string }; Querystring: PeriodQuery & { lang?: string } }>('/teams/:code/insights', { schema: { params: codeParams, querystring: insightsQuery } }, async (req): Promise<Insights> => {
    const team = await teamOf(store, req.params.code);
    const scope = scopeOf(team, req.query);
    const [means, rows, index] = await Promise.all([teamSkillMeans(store.db, scope), reviewRows(store.db, scope), store.scenarioIndex()]);

    const reviewed: { row: ReviewRow; review: ResultReview }[] = [];
    const unreviewed: ReviewRow[] = [];
    for (const row of rows) {
      const review = parseReview(row.review);
      if (!review) unreviewed.push(row);
      else if (review.ok) reviewed.push({ row, review });
    }
    // Results without a review yet (stored before reviews were kept, or under other rules): the latest first, for as long as the budget lasts.
    unreviewed.sort((a, b) => (newer(a, b) === a ? -1 : 1));
    const started = Date.now();
    let pending = 0;
    for (const row of unreviewed) {
      const transcript = Date.now() - started < REVIEW_BUDGET_MS ? await transcriptOf(store.db, row.id) : null;
      const review = transcript === null ? null : await reviewStored(store, library, { id: row.id, hash: row.hash, transcript });
      if (!review) pending++;
      else if (review.ok) reviewed.push({ row, review });
    }

    const perCall = new Map<string, number>();
    const facts = new Map<string, Counted>();
    const atNode = new Map<string, number>();
    const replies = new Map<string, Counted>();
    // Keys of ids joined by a character no id holds (ids are the file's words: no control characters).
    const key = (...parts: string[]) => parts.join(SEP);
    for (const { row, review } of reviewed) {
      perCall.set(row.scenario, (perCall.get(row.scenario) ?? 0) + 1);
      for (const f of new Set(review.missed)) bump(facts, key(row.scenario, f), row);
      for (const n of review.nodes) atNode.set(key(row.scenario, n), (atNode.get(key(row.scenario, n)) ?? 0) + 1);
      // A reply chosen twice at one node in a call (a loop) counts once for that result.
      for (const w of new Set(review.weaker.map((x) => key(row.scenario, x.node, x.reply)))) bump(replies, w, row);
    }

    const texts = new CallTexts(library, index, req.query.lang);
    const missedFacts: MissedFact[] = [];
    for (const [k, c] of facts) {
      const [scenario, fact] = k.split(SEP) as [string, string];
      const of = perCall.get(scenario)!;
      missedFacts.push({ scenario, lang: await texts.lang(scenario, c.example.hash), title: await texts.title(scenario, c.example.hash), fact, text: await texts.fact(scenario, c.example.hash, fact), missed: c.count, of, example: c.example.id });
    }
    missedFacts.sort((a, b) => b.missed - a.missed || b.missed / b.of - a.missed / a.of || a.title.localeCompare(b.title) || a.fact.localeCompare(b.fact));

    // Per call, its most common weaker reply: most chosen, then the largest share of those who got there.
    const top = new Map<string, { node: string; reply: string; c: Counted; of: number }>();
    for (const [k, c] of replies) {
      const [scenario, node, reply] = k.split(SEP) as [string, string, string];
      const of = atNode.get(key(scenario, node)) ?? c.count;
      const best = top.get(scenario);
      if (!best || c.count > best.c.count || (c.count === best.c.count && (c.count / of > best.c.count / best.of || (c.count / of === best.c.count / best.of && k < key(scenario, best.node, best.reply))))) {
        top.set(scenario, { node, reply, c, of });
      }
    }
    const wrongReplies: WrongReply[] = [];
    for (const [scenario, w] of top) {
      wrongReplies.push({
        scenario,
        lang: await texts.lang(scenario, w.c.example.hash),
        title: await texts.title(scenario, w.c.example.hash),
        node: w.node,
        reply: w.reply,
        text: await texts.reply(scenario, w.c.example.hash, w.node, w.reply),
        count: w.c.count,
        of: w.of,
        example: w.c.example.id,
      });
    }
    wrongReplies.sort((a, b) => b.count - a.count || a.title.localeCompare(b.title));

    return { since: scope.sinceIso, results: reviewed.length, pending, weakestSkill: weakest(means), missedFacts: missedFacts.slice(0, MAX_FACTS), wrongReplies };
  });
};

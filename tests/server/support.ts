// Helpers for the server tests: playing real calls with the engine, fresh PostgreSQL schemas,
// and a small HTTP helper that returns status and JSON body.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { formatDiagnostic, loadScenario, Session, type Scenario, type Transcript } from '../../src/engine/index.js';

export const SCENARIO_DIR = resolve(import.meta.dirname, '../../scenarios');

export function loadShipped(file: string): Scenario {
  const r = loadScenario(readFileSync(join(SCENARIO_DIR, file), 'utf8'), `scenarios/${file}`);
  if (!r.ok) throw new Error(r.diagnostics.map(formatDiagnostic).join('\n'));
  return r.scenario;
}

export function shippedFiles(): string[] {
  return readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json')).sort();
}

/**
 * Plays a call to its end as a player would: answers, then takes the reply `pick(turn, count)`
 * (1-based, default the first) at each turn, letting time pass in 100 ms ticks while the customer
 * waits or an action runs. Returns the finished session.
 */
export function playCall(scenario: Scenario, opts: { seed?: number; mode?: 'exam' | 'practice'; pick?: (turn: number, count: number) => number } = {}): Session {
  const s = new Session(scenario, { seed: opts.seed ?? 7, mode: opts.mode ?? 'exam' });
  s.advance(800);
  s.answer();
  for (let guard = 0; guard < 100_000 && !s.ended; guard++) {
    const v = s.view;
    if (v.phase === 'listening' && v.replies.length > 0) {
      s.advance(1200);
      if (s.ended || s.view.phase !== 'listening') continue;
      const replies = s.view.replies;
      s.choose(Math.min(replies.length, Math.max(1, opts.pick?.(v.turn + 1, replies.length) ?? 1)));
    } else {
      s.advance(100);
    }
  }
  if (!s.ended) throw new Error(`the call ${scenario.id} did not end`);
  return s;
}

export function finished(scenario: Scenario, opts?: Parameters<typeof playCall>[1]): { transcript: Transcript; score: ReturnType<Session['score']> } {
  const s = playCall(scenario, opts);
  const out = { transcript: s.transcript(), score: s.score() };
  s.stop();
  return out;
}

export const TEST_PG = process.env.TEST_DATABASE_URL;

/** A fresh, empty schema in the test database; its URL makes it the connection's search path. */
export async function freshPgSchema(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = TEST_PG!;
  const name = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create schema ${name}`);
  await admin.end();
  const u = new URL(base);
  u.searchParams.set('options', `-c search_path=${name}`);
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop schema if exists ${name} cascade`);
      await c.end();
    },
  };
}

export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** One HTTP request; the body parsed as JSON when it is JSON. */
export async function call<T = any>(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  if ((res.headers.get('content-type') ?? '').includes('json')) parsed = JSON.parse(text);
  return { status: res.status, body: parsed as T, headers: res.headers };
}

// Helpers for the server tests: playing real calls with the engine, fresh PostgreSQL schemas,
// and a small HTTP helper that returns status and JSON body.
import { resolve } from 'node:path';
import pg from 'pg';
import type { Scenario } from '../../src/engine/index.js';
import { shippedCall, shippedNames } from '../support/shipped.js';

export { finished, playCall } from './playCall.js';

export const SCENARIO_DIR = resolve(import.meta.dirname, '../../scenarios');

/** A shipped call by file name (a translation's table composed with its original). */
export const loadShipped = (file: string): Scenario => shippedCall(file);

export const shippedFiles = (): string[] => shippedNames();

export const TEST_PG = process.env.TEST_DATABASE_URL;

/** A fresh, empty schema in the test database; its URL makes it the connection's search path. */
export async function freshPgSchema(base: string = TEST_PG!): Promise<{ url: string; drop: () => Promise<void> }> {
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

/**
 * Starts an online exam as the game does: a ticket from the server for this player and call. Play
 * the call with its `seed` and send the result with `ticket` (see playOnline).
 */
export async function ticketFor(base: string, code: string, token: string, scenario: string): Promise<{ ticket: string; seed: number; expiresAt: string }> {
  const r = await call(base, 'POST', `/api/teams/${code}/tickets`, { scenario }, { 'x-player-token': token });
  if (r.status !== 201) throw new Error(`no ticket for ${scenario}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** An online exam's transcript, played by `play` on the ticket's seed, with the ticket to send it with. */
export async function playOnline<T extends { transcript: unknown }>(base: string, code: string, token: string, scenario: string, play: (seed: number) => T): Promise<T & { ticket: string }> {
  const t = await ticketFor(base, code, token, scenario);
  return { ...play(t.seed), ticket: t.ticket };
}

/** Where a test server stores results: SQLite always, and PostgreSQL (a fresh schema) when TEST_DATABASE_URL is set. */
export interface Backend {
  readonly name: string;
  readonly setup: () => Promise<{ databaseUrl?: string; drop?: () => Promise<void> }>;
}

export function serverBackends(): Backend[] {
  const out: Backend[] = [{ name: 'sqlite', setup: async () => ({}) }];
  if (TEST_PG) {
    out.push({
      name: 'postgres',
      setup: async () => {
        const s = await freshPgSchema();
        return { databaseUrl: s.url, drop: s.drop };
      },
    });
  }
  return out;
}

// What the benchmarks share: arguments, a drizzle logger that records the SQL a service call ran,
// timing of a call next to a replay of the same statements on the engine, percentiles, and the
// machine line for BENCHMARKS.md.
import os from 'node:os';
import type pg from 'pg';
import type { Db } from '../src/platform/db/client.js';
import { createCtx, type Ctx } from '../src/platform/http/context.js';
import type { Actor } from '../src/policy/policy.js';

export function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? '') : fallback;
}
export const flag = (name: string) => process.argv.includes(`--${name}`);
export const log = (s: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${s}`);

export interface Statement {
  text: string;
  params: unknown[];
}
let recording: Statement[] | null = null;
/** Pass as drizzle's logger: while `timed` runs, every statement is kept for the replay. */
export const logger = {
  logQuery(text: string, params: unknown[]) {
    recording?.push({ text, params });
  },
};

export const percentile = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

export interface Timing {
  service: number[];
  plain: number[];
}

export function ctxFor(db: Db, actor: Actor, n: number): Ctx {
  return createCtx(db, { actor, ip: '127.0.0.1', id: `bench-${n}`, headers: {} } as never);
}

/** The statements a service call ran, without its audit entry (that is the service's cost, not the query's). */
export const isQuery = (s: Statement) => !/audit_events|pg_advisory_xact_lock/.test(s.text);

export async function timed<T>(f: () => Promise<T>): Promise<{ ms: number; value: T; statements: Statement[] }> {
  recording = [];
  const t0 = performance.now();
  const value = await f();
  const ms = performance.now() - t0;
  const statements = recording;
  recording = null;
  return { ms, value, statements };
}

/** The same statements, run again on a plain connection: the engine's own time for the work. */
export async function replay(client: pg.ClientBase, statements: Statement[]): Promise<number> {
  const t0 = performance.now();
  for (const s of statements.filter(isQuery)) await client.query(s.text, s.params as unknown[]);
  return performance.now() - t0;
}

const fmt = (x: number) => (Number.isNaN(x) ? '–' : x.toFixed(1));

/** One table row: service and plain-SQL percentiles, the target and whether p95 met it. */
export function timingRow(name: string, t: Timing, target: number | null): string {
  const p95 = percentile(t.service, 95);
  return `| ${name} | ${t.service.length} | ${fmt(percentile(t.service, 50))} | ${fmt(p95)} | ${fmt(percentile(t.service, 99))} | ${fmt(percentile(t.plain, 50))} | ${fmt(percentile(t.plain, 95))} | ${fmt(percentile(t.plain, 99))} | ${target === null ? '' : `≤ ${target}`} | ${target === null ? '' : p95 <= target ? 'yes' : `**no** (+${(p95 - target).toFixed(1)} ms)`} |`;
}
export const timingHeader = [
  '| measure (ms) | n | service p50 | service p95 | service p99 | SQL p50 | SQL p95 | SQL p99 | target p95 | met |',
  '|---|---|---|---|---|---|---|---|---|---|',
];

export async function machineLine(client: pg.ClientBase): Promise<string> {
  const version = (await client.query<{ v: string }>('select version() as v')).rows[0].v.split(',')[0];
  return `${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}, ${version}`;
}

/** Runs `f` with a client connected to the administration URL (to create and drop databases). */
export async function admin<T>(PgClient: typeof pg.Client, url: string, f: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new PgClient({ connectionString: url });
  await c.connect();
  try {
    return await f(c);
  } finally {
    await c.end();
  }
}

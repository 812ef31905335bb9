// Benchmark of the directory and referrals on PostgreSQL, on top of the case data set: loads a
// synthetic directory (default 5,000 services) and referrals for a share of the cases, then
// measures service suggestions for a need, HSDS /services pages and inbox pages through the real
// code, and next to each the exact SQL that code ran, replayed on the engine.
//
//   npm run bench:cases -- --keep          # once: 1,000,000 persons and cases, kept (prints the database name)
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5433/postgres npx tsx bench/directory.bench.ts --db pulang_bench_… \
//     [--services 5000] [--referral-share 25] [--samples 300] [--seed 20261128]
//
// The directory and referrals are loaded once into that database (a second run measures again).
// Figures and the command line go into BENCHMARKS.md.
import { createHash } from 'node:crypto';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { buildApp } from '../src/app.js';
import { setAuditKey } from '../src/audit/chain.js';
import { needTypes } from '../src/cases/needs.js';
import { insertDirectory } from '../src/demo/directory.js';
import { termsForNeed } from '../src/directory/taxonomy.js';
import { BlindIndex } from '../src/platform/crypto/blind-index.js';
import { FieldCipher } from '../src/platform/crypto/fields.js';
import { loadConfig } from '../src/platform/config.js';
import type { Database, Db } from '../src/platform/db/client.js';
import { migrate } from '../src/platform/db/migrate.js';
import * as schema from '../src/platform/db/schema.js';
import type { Actor } from '../src/policy/policy.js';
import { list as listReferrals } from '../src/referrals/service.js';
import { referralListQuery } from '../src/referrals/schema.js';
import { suggest } from '../src/referrals/suggestions.js';
import { generateDirectory } from '../src/synthetic/directory.js';
import { arg, ctxFor, log, logger, machineLine, percentile, replay, timed, timingHeader, timingRow, type Timing } from './harness.js';

const DB = arg('db');
const SERVICES = Number(arg('services', '5000'));
const SHARE = Number(arg('referral-share', '25'));
const SAMPLES = Number(arg('samples', '300'));
const SEED = arg('seed', '20261128')!;
const CASE_SEED = arg('case-seed', '20261127')!;

const url = process.env.DATABASE_URL;
if (!url || !DB) {
  console.error('DATABASE_URL (a PostgreSQL server) and --db (a database loaded by bench/cases.bench.ts --keep) are required.');
  process.exit(2);
}
const dbUrl = (() => {
  const u = new URL(url);
  u.pathname = `/${DB}`;
  return u.toString();
})();

// The case benchmark's keys, derived from its seed: the persons it loaded decrypt with them.
const benchKey = (purpose: string) => createHash('sha256').update(`pulang-bench:${CASE_SEED}:${purpose}`).digest();
const cipher = new FieldCipher(benchKey('cipher'));
const lookup = new BlindIndex(benchKey('lookup'));
setAuditKey(benchKey('audit'));

async function loadDirectory(pool: pg.Pool, db: Db): Promise<number> {
  const { rows } = await pool.query<{ n: number }>('select count(*)::int as n from services');
  if (rows[0].n >= SERVICES) return 0;
  const t0 = performance.now();
  const taken = (await pool.query<{ name: string }>('select name from organizations')).rows.map((r) => r.name);
  const dir = generateDirectory({ services: SERVICES - rows[0].n, seed: SEED, reservedNames: taken });
  await db.transaction((tx) => insertDirectory(tx, dir));
  return (performance.now() - t0) / 1000;
}

/**
 * Referrals for SHARE % of the cases, to services picked with a skew (a few providers receive
 * most, as in the field), in the statuses their age makes likely: recent ones open, most older
 * ones ended, a few never answered (overdue). The providers' records are then counted from them.
 */
async function loadReferrals(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ n: number }>('select count(*)::int as n from referrals');
  if (rows[0].n > 0) return 0;
  const t0 = performance.now();
  await pool.query(`set maintenance_work_mem = '1GB'`);
  await pool.query(`select setseed(0.42)`);
  await pool.query(`
    insert into referrals (case_id, from_organization_id, to_organization_id, service_id, urgency, respond_by, contact_preference,
                           shared_fields, status, decline_reason, outcome, sent_by_id, sent_at, answered_at, ended_at, created_at, updated_at)
    select c.id, c.organization_id, s.organization_id, s.id, x.urgency, x.sent_at + make_interval(hours => x.hours), 'through_case_worker',
           '{first_name,sex,age_band,languages,needs}', x.status,
           case when x.status = 'declined' then (array['no_capacity','not_eligible','outside_area','other'])[1 + floor(random() * 4)::int] end,
           case when x.status = 'completed' then (array['delivered','delivered','partly_delivered','not_delivered'])[1 + floor(random() * 4)::int] end,
           coalesce(c.assigned_to_id, c.created_by_id),
           x.sent_at,
           case when x.status not in ('sent', 'acknowledged') then x.sent_at + make_interval(hours => (random() * x.hours * 1.5)::int) end,
           case when x.status in ('declined', 'completed', 'closed', 'withdrawn') then least(now(), x.sent_at + make_interval(days => 1 + (random() * 40)::int)) end,
           x.sent_at, x.sent_at
    from (select id, organization_id, assigned_to_id, created_by_id, power(random(), 3) as pick, random() as r, power(random(), 1.5) as age, random() as u
          from cases where abs(hashtext(id::text)) % 100 < ${SHARE}) c
    cross join (select array_agg(id order by id) as ids, count(*)::int as n from services) sv
    join services s on s.id = sv.ids[1 + floor(c.pick * sv.n)::int]
    cross join lateral (
      select now() - make_interval(secs => c.age * 365 * 86400) as sent_at,
             case when c.u < 0.1 then 'emergency' when c.u < 0.35 then 'urgent' else 'routine' end as urgency,
             case when c.u < 0.1 then 24 when c.u < 0.35 then 72 else 168 end as hours,
             case when c.age * 365 < 14 then
                    case when c.r < 0.4 then 'sent' when c.r < 0.6 then 'acknowledged' when c.r < 0.85 then 'accepted' when c.r < 0.95 then 'in_progress' else 'declined' end
                  else
                    case when c.r < 0.55 then 'completed' when c.r < 0.7 then 'declined' when c.r < 0.8 then 'closed' when c.r < 0.85 then 'withdrawn'
                         when c.r < 0.95 then 'in_progress' when c.r < 0.98 then 'sent' else 'acknowledged' end
             end as status
    ) x`);
  await pool.query(`
    update services s set referrals_answered = a.answered, referrals_accepted = a.accepted, response_hours_total = a.hours
    from (select service_id, count(*) filter (where answered_at is not null)::int as answered,
                 count(*) filter (where answered_at is not null and status <> 'declined')::int as accepted,
                 coalesce(sum(extract(epoch from answered_at - sent_at) / 3600) filter (where answered_at is not null), 0) as hours
          from referrals group by service_id) a
    where a.service_id = s.id`);
  await pool.query('analyze referrals; analyze services; analyze case_needs');
  return (performance.now() - t0) / 1000;
}

/** Open needs for a sample of open cases whose person has a home village: what suggestions start from. */
async function needSample(pool: pg.Pool): Promise<{ caseId: string; needId: string; actor: Actor }[]> {
  const typed = needTypes.filter((t) => (termsForNeed[t.code] ?? []).length);
  const { rows } = await pool.query<{ case_id: string; organization_id: string; assigned_to_id: string | null; supervisor_id: string }>(
    `select c.id as case_id, c.organization_id, c.assigned_to_id,
            (select u.id from users u where u.organization_id = c.organization_id and 'supervisor' = any(u.roles) limit 1) as supervisor_id
     from cases c tablesample bernoulli (1) repeatable (7) join persons p on p.id = c.person_id
     where c.stage <> 'closed' and p.home_village_code is not null limit ${SAMPLES + 20}`,
  );
  const out: { caseId: string; needId: string; actor: Actor }[] = [];
  for (const [i, r] of rows.entries()) {
    const t = typed[i % typed.length];
    const existing = await pool.query<{ id: string }>(`select id from case_needs where case_id = $1 and type = $2 and status = 'open' limit 1`, [r.case_id, t.code]);
    const needId =
      existing.rows[0]?.id ??
      (await pool.query<{ id: string }>(`insert into case_needs (case_id, type, dimension, severity) values ($1, $2, $3, 'high') returning id`, [r.case_id, t.code, t.dimension]))
        .rows[0].id;
    const actor: Actor = r.assigned_to_id
      ? { userId: r.assigned_to_id, organizationId: r.organization_id, roles: ['case_worker'], kind: 'person' }
      : { userId: r.supervisor_id, organizationId: r.organization_id, roles: ['supervisor'], kind: 'person' };
    out.push({ caseId: r.case_id, needId, actor });
  }
  return out;
}

async function main() {
  const started = new Date();
  const pool = new pg.Pool({ connectionString: dbUrl, max: 12 });
  pool.on('error', () => {});
  const db = drizzle(pool, { schema, logger }) as unknown as Db;
  const database: Database = { db, engine: 'postgresql', ping: async () => {}, close: () => pool.end() };
  const plain = await pool.connect();
  try {
    await migrate(database);
    const directorySeconds = await loadDirectory(pool, db);
    if (directorySeconds) log(`directory loaded in ${directorySeconds.toFixed(1)} s`);
    const referralSeconds = await loadReferrals(pool);
    if (referralSeconds) log(`referrals loaded in ${referralSeconds.toFixed(1)} s`);
    const { rows: counts } = await plain.query<{ services: number; organizations: number; referrals: number; cases: number; open: number }>(
      `select (select count(*) from services)::int as services, (select count(*) from organizations)::int as organizations,
              (select count(*) from referrals)::int as referrals, (select count(*) from cases)::int as cases,
              (select count(*) from referrals where status in ('sent','acknowledged','accepted','in_progress'))::int as open`,
    );
    let n = 0;

    // -- Suggestions for a need ------------------------------------------------------------------
    const needs = await needSample(pool);
    const suggestions: Timing = { service: [], plain: [] };
    let returned = 0;
    for (const [i, s] of needs.entries()) {
      const r = await timed(() => suggest(ctxFor(db, s.actor, n++), s.caseId, s.needId));
      if (i < 20) continue;
      suggestions.service.push(r.ms);
      suggestions.plain.push(await replay(plain, r.statements));
      returned += r.value.items.length;
    }
    log('suggestions measured');

    // -- HSDS /services pages ---------------------------------------------------------------------
    const app = await buildApp({ database, config: loadConfig({}), cipher, lookup, version: 'bench' });
    await app.ready();
    const { rows: someOrg } = await plain.query<{ id: string }>('select organization_id as id from services group by 1 order by count(*) desc limit 1');
    const { rows: termRows } = await plain.query<{ id: string; code: string }>('select id, code from taxonomy_terms');
    const termId = (code: string) => termRows.find((t) => t.code === code)!.id;
    const pages: { name: string; url: string }[] = [
      { name: 'first page', url: '/api/hsds/services' },
      { name: 'page 20 of 50', url: '/api/hsds/services?page=20&per_page=50' },
      { name: 'search "rumah aman"', url: '/api/hsds/services?search=rumah%20aman' },
      { name: 'taxonomy term shelter', url: `/api/hsds/services?taxonomy_term_id=${termId('shelter')}` },
      { name: 'area 35.07 + language jv', url: '/api/hsds/services?area_code=35.07&language=jv' },
      { name: 'organization', url: `/api/hsds/services?organization_id=${someOrg[0].id}` },
      { name: 'modified after', url: `/api/hsds/services?modified_after=${new Date(Date.now() - 30 * 86400_000).toISOString()}` },
    ];
    const perPage = Math.max(20, Math.round(SAMPLES / pages.length));
    const hsds: Record<string, Timing> = {};
    const allHsds: Timing = { service: [], plain: [] };
    for (const p of pages) {
      const t: Timing = { service: [], plain: [] };
      for (let i = 0; i < 5; i++) await app.inject({ method: 'GET', url: p.url });
      for (let i = 0; i < perPage; i++) {
        const r = await timed(() => app.inject({ method: 'GET', url: p.url }));
        if (r.value.statusCode !== 200) throw new Error(`${p.url} answered ${r.value.statusCode}: ${r.value.body.slice(0, 200)}`);
        t.service.push(r.ms);
        t.plain.push(await replay(plain, r.statements));
      }
      hsds[p.name] = t;
      allHsds.service.push(...t.service);
      allHsds.plain.push(...t.plain);
    }
    await app.close();
    log('HSDS pages measured');

    // -- Inbox pages -----------------------------------------------------------------------------
    const { rows: busy } = await plain.query<{ id: string; n: number }>(
      `select to_organization_id as id, count(*)::int as n from referrals where status in ('sent','acknowledged','accepted','in_progress') group by 1 order by 2 desc limit 5`,
    );
    const { rows: senders } = await plain.query<{ id: string; supervisor: string }>(
      `select r.from_organization_id as id, (select u.id from users u where u.organization_id = r.from_organization_id and 'supervisor' = any(u.roles) limit 1) as supervisor
       from referrals r group by 1 order by count(*) desc limit 5`,
    );
    const focal = (i: number): Actor => ({ userId: crypto.randomUUID(), organizationId: busy[i % busy.length].id, roles: ['service_focal_point'], kind: 'person' });
    const sender = (i: number): Actor => ({ userId: senders[i % senders.length].supervisor, organizationId: senders[i % senders.length].id, roles: ['supervisor'], kind: 'person' });
    const inboxScenarios: { name: string; actor: (i: number) => Actor; query: Record<string, string> }[] = [
      { name: 'incoming, open', actor: focal, query: { box: 'incoming' } },
      { name: 'incoming, overdue', actor: focal, query: { box: 'incoming', status: 'overdue' } },
      { name: 'incoming, awaiting', actor: focal, query: { box: 'incoming', status: 'awaiting' } },
      { name: 'incoming, ended, page 5', actor: focal, query: { box: 'incoming', status: 'ended', offset: '100' } },
      { name: 'incoming, all', actor: focal, query: { box: 'incoming', status: 'all' } },
      { name: 'outgoing, open (supervisor)', actor: sender, query: { box: 'outgoing' } },
      { name: 'outgoing, overdue (supervisor)', actor: sender, query: { box: 'outgoing', status: 'overdue' } },
    ];
    const perInbox = Math.max(20, Math.round(SAMPLES / inboxScenarios.length));
    const inbox: Record<string, Timing & { total: number }> = {};
    const allInbox: Timing = { service: [], plain: [] };
    for (const s of inboxScenarios) {
      const t: Timing & { total: number } = { service: [], plain: [], total: 0 };
      const query = referralListQuery.parse(s.query);
      for (let i = 0; i < 5; i++) await listReferrals(ctxFor(db, s.actor(i), n++), cipher, query);
      for (let i = 0; i < perInbox; i++) {
        const r = await timed(() => listReferrals(ctxFor(db, s.actor(i), n++), cipher, query));
        t.service.push(r.ms);
        t.plain.push(await replay(plain, r.statements));
        t.total = r.value.total;
      }
      inbox[s.name] = t;
      allInbox.service.push(...t.service);
      allInbox.plain.push(...t.plain);
    }
    log('inbox pages measured');

    // -- Report ----------------------------------------------------------------------------------
    const c = counts[0];
    const lines = [
      `Cases ${c.cases.toLocaleString('en')}, services ${c.services.toLocaleString('en')}, organisations ${c.organizations.toLocaleString('en')}, referrals ${c.referrals.toLocaleString('en')} (${c.open.toLocaleString('en')} open); busiest inboxes ${busy.map((b) => b.n.toLocaleString('en')).join(', ')} open referrals.`,
      '',
      ...timingHeader,
      timingRow(`suggestions for a need (GET /cases/{id}/service-suggestions; ${(returned / Math.max(1, suggestions.service.length)).toFixed(1)} returned)`, suggestions, 50),
      timingRow('HSDS /services page, all scenarios (in-process HTTP, JSON included)', allHsds, 50),
      ...Object.entries(hsds).map(([name, t]) => timingRow(`  /services: ${name}`, t, null)),
      timingRow('inbox page, all scenarios (GET /referrals)', allInbox, 30),
      ...Object.entries(inbox).map(([name, t]) => timingRow(`  inbox: ${name} (total ${t.total.toLocaleString('en')})`, t, null)),
    ];
    const header = [
      `Run ${started.toISOString()} — ${await machineLine(plain)}`,
      `Command: DATABASE_URL=… npx tsx bench/directory.bench.ts ${process.argv.slice(2).join(' ')}`.trim(),
      '',
    ];
    console.log([...header, ...lines].join('\n'));
    console.error(`p95: suggestions ${percentile(suggestions.service, 95).toFixed(1)} ms, HSDS ${percentile(allHsds.service, 95).toFixed(1)} ms, inbox ${percentile(allInbox.service, 95).toFixed(1)} ms`);
  } finally {
    plain.release();
    await pool.end();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

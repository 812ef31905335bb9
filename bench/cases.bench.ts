// Benchmark of the case tools on PostgreSQL: loads N synthetic persons with their cases (default
// 1,000,000), then measures duplicate detection, worklist pages and case reads through the real
// service functions, and next to each the exact SQL those services ran, replayed on the engine.
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5433/postgres npx tsx bench/cases.bench.ts [--persons 20000]
//     [--variants 1000] [--controls 200] [--samples 300] [--seed 20261127] [--keep] [--json out.json]
//
// DATABASE_URL names a server and a database to connect to for administration; the benchmark
// creates its own database there (pulang_bench_<random>) and drops it at the end (--keep keeps it).
// Figures and the command line go into BENCHMARKS.md.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { setAuditKey } from '../src/audit/chain.js';
import { list as listCases } from '../src/cases/worklist.js';
import { read as readCase } from '../src/cases/service.js';
import { todayInJakarta } from '../src/cases/derived.js';
import { formatReference } from '../src/cases/reference.js';
import type { CaseQuery } from '../src/cases/schema.js';
import { BlindIndex } from '../src/platform/crypto/blind-index.js';
import { FieldCipher } from '../src/platform/crypto/fields.js';
import type { Database, Db } from '../src/platform/db/client.js';
import { migrate } from '../src/platform/db/migrate.js';
import * as schema from '../src/platform/db/schema.js';
import { match as matchPersons } from '../src/persons/service.js';
import { matchInput } from '../src/persons/schema.js';
import { blockingCandidates, findMatches } from '../src/persons/match.js';
import { compareNames } from '../src/persons/names.js';
import { birthColumns, normalisePhone } from '../src/persons/normalise.js';
import type { Actor } from '../src/policy/policy.js';
import { population } from '../src/synthetic/generate.js';
import type { GeneratedPerson } from '../src/synthetic/person.js';
import { admin as adminWith, arg, ctxFor, flag, isQuery, log, logger, machineLine, percentile, replay, timed, timingHeader, timingRow, type Timing } from './harness.js';
import { bulkInsert, dropConstraintsAndIndexes, restoreConstraintsAndIndexes, type TableSpec } from './loader/bulk.js';
import { caseRow, documentRows, matchKeyRows, personColumns, taskRows, uuidFrom, type RowDeps } from './loader/rows.js';

// ---------------------------------------------------------------------------------------------
// Arguments.


const N = Number(arg('persons', '1000000'));
const VARIANTS = Number(arg('variants', '1000'));
const CONTROLS = Number(arg('controls', '200'));
const SAMPLES = Number(arg('samples', '300'));
const SEED = arg('seed', '20261127')!;
const BATCH = Number(arg('batch', '4000'));
/** Open cases a case worker carries before the loader gives the organisation another one. */
const CASELOAD = Number(arg('caseload', '45'));
/** Score from which the intake form shows a candidate as a likely match (precision is reported at it). */
const DISPLAY_THRESHOLD = Number(arg('threshold', '0.7'));

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is required (a PostgreSQL server; the benchmark creates and drops its own database there).');
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// Database: a fresh one, opened through drizzle with a logger that records the SQL the services run.


const REUSE = arg('reuse');
const dbName = REUSE ?? `pulang_bench_${randomBytes(5).toString('hex')}`;
const dbUrl = (() => {
  const u = new URL(url);
  u.pathname = `/${dbName}`;
  return u.toString();
})();

const admin = <T>(f: (c: pg.Client) => Promise<T>) => adminWith(pg.Client, url!, f);

// ---------------------------------------------------------------------------------------------
// Organisations and users of the synthetic network.

interface Org {
  id: string;
  name: string;
  type: string;
  level: string;
  areaCode: string;
  supervisorId: string;
  workers: string[];
  currentOpen: number;
}

// Keys derived from the seed (the data are synthetic): a database kept with --keep can be measured
// again later with --reuse, and its names decrypted and its blocking keys recomputed.
const benchKey = (purpose: string) => createHash('sha256').update(`pulang-bench:${SEED}:${purpose}`).digest();
const rowDeps: RowDeps = { cipher: new FieldCipher(benchKey('cipher')), lookup: new BlindIndex(benchKey('lookup')) };
setAuditKey(benchKey('audit'));

const tables = {
  persons: {
    table: 'persons',
    columns: [
      ['id', 'uuid'], ['organization_id', 'uuid'], ['full_name_enc', 'text'], ['other_names_enc', 'text'], ['sex', 'text'],
      ['gender_identity', 'text'], ['birth_kind', 'text'], ['birth_date', 'date'], ['birth_year', 'int'], ['birth_age', 'int'],
      ['birth_age_stated_on', 'date'], ['nationality', 'text'], ['languages', 'text[]'], ['phones_enc', 'text'],
      ['home_village_code', 'text'], ['home_province_code', 'text'], ['home_address_enc', 'text'], ['emergency_contact_enc', 'text'],
      ['disabilities', 'text[]'], ['disability_note_enc', 'text'], ['created_by_id', 'uuid'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
    ],
  },
  documents: {
    table: 'person_documents',
    columns: [['id', 'uuid'], ['person_id', 'uuid'], ['type', 'text'], ['number_enc', 'text'], ['number_hash', 'text'], ['issuing_country', 'text'], ['expires_on', 'date'], ['created_at', 'timestamptz']],
  },
  keys: { table: 'person_match_keys', columns: [['person_id', 'uuid'], ['key', 'text']] },
  cases: {
    table: 'cases',
    columns: [
      ['id', 'uuid'], ['reference', 'text'], ['person_id', 'uuid'], ['organization_id', 'uuid'], ['assigned_to_id', 'uuid'], ['assigned_at', 'timestamptz'],
      ['created_by_id', 'uuid'], ['case_type', 'text'], ['direction', 'text'], ['stage', 'text'], ['destination_countries', 'text[]'], ['risk_level', 'text'],
      ['flags', 'text[]'], ['priority_score', 'int'], ['priority_band', 'text'], ['priority_reasons', 'text[]'], ['province_code', 'text'], ['summary_enc', 'text'],
      ['next_due_on', 'date'], ['last_contact_at', 'timestamptz'], ['opened_at', 'timestamptz'], ['closed_at', 'timestamptz'], ['closure_reason', 'text'],
      ['version', 'int'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
    ],
  },
  tasks: {
    table: 'case_tasks',
    columns: [
      ['id', 'uuid'], ['case_id', 'uuid'], ['kind', 'text'], ['title_enc', 'text'], ['due_on', 'date'], ['assignee_id', 'uuid'], ['status', 'text'],
      ['completed_at', 'timestamptz'], ['created_by_id', 'uuid'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
    ],
  },
  users: {
    table: 'users',
    columns: [['id', 'uuid'], ['organization_id', 'uuid'], ['email', 'text'], ['display_name', 'text'], ['roles', 'text[]'], ['status', 'text'], ['languages', 'text[]'], ['area_codes', 'text[]']],
  },
  organizations: {
    table: 'organizations',
    columns: [['id', 'uuid'], ['name', 'text'], ['acronym', 'text'], ['type', 'text'], ['level', 'text'], ['area_code', 'text']],
  },
} satisfies Record<string, TableSpec>;

const ngoNames: [string, string][] = [
  ['35', 'Yayasan Pulih Migran Jawa Timur'],
  ['33', 'Lembaga Pendamping Buruh Migran Jawa Tengah'],
  ['32', 'Perkumpulan Sahabat Migran Pasundan'],
  ['52', 'Yayasan Bina Migran Lombok'],
  ['53', 'Jaringan Peduli Migran Flobamora'],
  ['12', 'Yayasan Harapan Migran Sumatera Utara'],
  ['65', 'Posko Perlindungan Migran Nunukan'],
];

// ---------------------------------------------------------------------------------------------
// Loading.

interface Loaded {
  persons: number;
  cases: number;
  tasks: number;
  documents: number;
  keys: number;
  users: number;
  orgs: Org[];
  /** Kept persons (the variant sample) with their database IDs. */
  kept: Map<number, { person: GeneratedPerson; id: string }>;
  /** A sample of cases for the read benchmark. */
  caseSample: { id: string; organizationId: string; assignedToId: string | null }[];
  seconds: number;
}

async function load(pool: pg.Pool, pop: ReturnType<typeof population>): Promise<Loaded> {
  const t0 = performance.now();
  const setup = await pool.connect();
  await setup.query(`set maintenance_work_mem = '1GB'`);
  const loadedTables = ['persons', 'person_documents', 'person_match_keys', 'cases', 'case_tasks'];
  const saved = await dropConstraintsAndIndexes(setup, loadedTables);

  // Organisations: the national agency, each province's social service, a few NGOs.
  const { rows: provinces } = await setup.query<{ code: string; name: string }>(`select code, name from areas where level = 'province' order by code`);
  const orgs: Org[] = [];
  const newOrg = (name: string, type: string, level: string, areaCode: string): Org => {
    const o = { id: crypto.randomUUID(), name, type, level, areaCode, supervisorId: crypto.randomUUID(), workers: [], currentOpen: 0 };
    orgs.push(o);
    return o;
  };
  const national = newOrg('Badan Pelindungan Pekerja Migran (contoh)', 'ministry', 'national', '31');
  const byProvince = new Map(provinces.map((p) => [p.code, newOrg(`Dinas Sosial Provinsi ${p.name}`, 'local_government', 'province', p.code)]));
  const ngoByProvince = new Map(ngoNames.map(([p, name]) => [p, newOrg(name, 'ngo', 'regency', p)]));
  const anyNgo = [...ngoByProvince.values()];

  const writers = await Promise.all([0, 1, 2, 3, 4].map(() => pool.connect()));
  for (const w of writers) await w.query('set synchronous_commit = off');
  const [wPersons, wDocs, wKeys, wCases, wTasks] = writers;

  const keep = new Set(pop.variantSample(VARIANTS));
  const kept = new Map<number, { person: GeneratedPerson; id: string }>();
  const caseSample: Loaded['caseSample'] = [];
  const counters = new Map<number, number>();
  const counts = { persons: 0, cases: 0, tasks: 0, documents: 0, keys: 0 };
  let pending: Promise<unknown> = Promise.resolve();
  let batch = { persons: [] as object[], documents: [] as object[], keys: [] as object[], cases: [] as object[], tasks: [] as object[] };

  const flush = async () => {
    const b = batch;
    batch = { persons: [], documents: [], keys: [], cases: [], tasks: [] };
    await pending;
    // Each table on its own connection: the statements are sent at once and run while the next batch is generated.
    pending = Promise.all([
      bulkInsert(wPersons, tables.persons, b.persons as never),
      bulkInsert(wDocs, tables.documents, b.documents as never),
      bulkInsert(wKeys, tables.keys, b.keys as never),
      bulkInsert(wCases, tables.cases, b.cases as never),
      bulkInsert(wTasks, tables.tasks, b.tasks as never),
    ]);
  };

  const workerOf = (org: Org, open: boolean, index: number): string => {
    if (!org.workers.length || (open && org.currentOpen >= CASELOAD)) {
      org.workers.push(crypto.randomUUID());
      org.currentOpen = 0;
    }
    if (open) {
      org.currentOpen++;
      return org.workers[org.workers.length - 1];
    }
    return org.workers[index % org.workers.length];
  };

  let lastLog = performance.now();
  for (const { person, cases } of pop.each()) {
    const first = cases[0];
    const home = person.homeProvinceCode;
    const org =
      first.registeredBy === 'national' || !home
        ? national
        : first.registeredBy === 'ngo'
          ? (ngoByProvince.get(home) ?? anyNgo[person.index % anyNgo.length])
          : byProvince.get(home)!;
    const at = `${person.meta.registeredOn}T09:00:00+07:00`;
    const registrar = workerOf(org, false, person.index);
    const p = personColumns(rowDeps, person, org.id, registrar, at, uuidFrom(SEED, 'person', person.index));
    batch.persons.push(p);
    const docs = documentRows(rowDeps, p.id, person, at);
    batch.documents.push(...docs);
    const keys = matchKeyRows(rowDeps, p.id, p, person);
    batch.keys.push(...keys);
    counts.persons++;
    counts.documents += docs.length;
    counts.keys += keys.length;
    if (keep.has(person.index)) kept.set(person.index, { person, id: p.id });

    for (const c of cases) {
      const isOpen = c.stage !== 'closed';
      const assignee = c.assigned ? workerOf(org, isOpen, person.index) : null;
      const year = Number(c.openedOn.slice(0, 4));
      const n = (counters.get(year) ?? 0) + 1;
      counters.set(year, n);
      const row = caseRow(rowDeps, c, p.id, p, {
        organizationId: org.id,
        assignedToId: assignee,
        createdById: assignee ?? registrar,
        reference: formatReference(year, n),
      });
      batch.cases.push(row);
      const tasks = taskRows(rowDeps, c, row.id, assignee, row.created_by_id, row.opened_at);
      batch.tasks.push(...tasks);
      counts.cases++;
      counts.tasks += tasks.length;
      if (counts.cases % Math.max(1, Math.floor(N / 4000)) === 0 && caseSample.length < 4000) {
        caseSample.push({ id: row.id, organizationId: org.id, assignedToId: assignee });
      }
    }
    if (batch.persons.length >= BATCH) await flush();
    if (performance.now() - lastLog > 15_000) {
      lastLog = performance.now();
      const s = (lastLog - t0) / 1000;
      log(`loaded ${counts.persons.toLocaleString('en')} persons in ${s.toFixed(0)} s (${Math.round(counts.persons / s)}/s)`);
    }
  }
  await flush();
  await pending;

  // Organisations and users, then the reference counters.
  await bulkInsert(setup, tables.organizations, orgs.map((o) => ({ id: o.id, name: o.name, acronym: null, type: o.type, level: o.level, area_code: o.areaCode })));
  const users: Record<string, unknown>[] = [];
  orgs.forEach((o, i) => {
    users.push({ id: o.supervisorId, organization_id: o.id, email: `supervisor-${i}@bench.pulang.example`, display_name: `Supervisor ${i}`, roles: ['supervisor'], status: 'active', languages: ['id'], area_codes: [] });
    o.workers.forEach((w, k) =>
      users.push({ id: w, organization_id: o.id, email: `worker-${i}-${k}@bench.pulang.example`, display_name: `Pekerja Sosial ${i}-${k}`, roles: ['case_worker'], status: 'active', languages: ['id'], area_codes: [o.areaCode] }),
    );
  });
  for (let i = 0; i < users.length; i += 20_000) await bulkInsert(setup, tables.users, users.slice(i, i + 20_000));
  for (const [year, last] of counters) await setup.query('insert into case_reference_counters (year, last) values ($1, $2)', [year, last]);
  log(`rows written in ${((performance.now() - t0) / 1000).toFixed(0)} s; rebuilding constraints and indexes`);
  await restoreConstraintsAndIndexes(setup, saved, log);
  log('vacuum analyze');
  for (const t of [...loadedTables, 'users', 'organizations']) await setup.query(`vacuum analyze ${t}`);
  for (const w of writers) w.release();
  setup.release();
  return { ...counts, users: users.length, orgs, kept, caseSample, seconds: (performance.now() - t0) / 1000 };
}

/** What a kept database holds, read back for --reuse: organisations, users, a case sample, the variant sample's IDs. */
async function describeLoaded(pool: pg.Pool, pop: ReturnType<typeof population>): Promise<Loaded> {
  const q = async <T extends pg.QueryResultRow>(text: string) => (await pool.query<T>(text)).rows;
  const orgRows = await q<{ id: string; name: string; type: string; level: string; area_code: string }>('select id, name, type, level, area_code from organizations order by created_at, name');
  const userRows = await q<{ id: string; organization_id: string; roles: string[] }>('select id, organization_id, roles from users order by email');
  const orgs: Org[] = orgRows.map((o) => ({
    id: o.id,
    name: o.name,
    type: o.type,
    level: o.level,
    areaCode: o.area_code,
    supervisorId: userRows.find((u) => u.organization_id === o.id && u.roles.includes('supervisor'))!.id,
    workers: userRows.filter((u) => u.organization_id === o.id && u.roles.includes('case_worker')).map((u) => u.id),
    currentOpen: 0,
  }));
  // The national agency first, as the loader made it.
  orgs.sort((a, b) => Number(b.level === 'national') - Number(a.level === 'national'));
  const kept = new Map(pop.variantSample(VARIANTS).map((i) => [i, { person: pop.generator.person(i), id: uuidFrom(SEED, 'person', i) }]));
  const caseSample = (
    await q<{ id: string; organization_id: string; assigned_to_id: string | null }>(
      `select id, organization_id, assigned_to_id from cases tablesample bernoulli (1) repeatable (42) limit 4000`,
    )
  ).map((r) => ({ id: r.id, organizationId: r.organization_id, assignedToId: r.assigned_to_id }));
  const [c] = await q<{ persons: number; cases: number; documents: number; keys: number; tasks: number; users: number }>(
    `select (select count(*) from persons)::int as persons, (select count(*) from cases)::int as cases, (select count(*) from person_documents)::int as documents,
            (select count(*) from person_match_keys)::int as keys, (select count(*) from case_tasks)::int as tasks, (select count(*) from users)::int as users`,
  );
  return { ...c, orgs, kept, caseSample, seconds: 0 };
}

// ---------------------------------------------------------------------------------------------
// Measuring.

async function main() {
  const started = new Date();
  if (!REUSE) {
    log(`creating database ${dbName}`);
    await admin((c) => c.query(`create database ${dbName}`));
  } else log(`measuring the kept database ${dbName} (loaded with the same --persons and --seed)`);
  const pool = new pg.Pool({ connectionString: dbUrl, max: 12 });
  pool.on('error', () => {});
  const db = drizzle(pool, { schema, logger }) as unknown as Db;
  const database: Database = { db, engine: 'postgresql', ping: async () => {}, close: () => pool.end() };
  const plain = await pool.connect();
  let results: Record<string, unknown> = {};
  try {
    const referenceDate = todayInJakarta();
    const pop = population(N, { seed: SEED, referenceDate });
    let loaded: Loaded;
    if (REUSE) loaded = await describeLoaded(pool, pop);
    else {
      await migrate(database);
      log(`loading ${N.toLocaleString('en')} persons (seed ${SEED}, reference date ${referenceDate})`);
      loaded = await load(pool, pop);
    }
    log(`loaded in ${loaded.seconds.toFixed(0)} s: ${loaded.persons} persons, ${loaded.cases} cases, ${loaded.documents} documents, ${loaded.keys} match keys, ${loaded.tasks} tasks, ${loaded.users} users`);
    const { rows: sizes } = await plain.query<{ t: string; size: string }>(
      `select relname as t, pg_size_pretty(pg_total_relation_size(oid)) as size from pg_class where relname in ('persons','person_documents','person_match_keys','cases','case_tasks') order by relname`,
    );
    const { rows: dbSize } = await plain.query<{ size: string }>(`select pg_size_pretty(pg_database_size(current_database())) as size`);

    const deps = { cipher: rowDeps.cipher, lookup: rowDeps.lookup };
    let n = 0;

    // -- Duplicate candidates ------------------------------------------------------------------
    const variants = pop.variants((i) => loaded.kept.get(i)!.person, VARIANTS, CONTROLS);
    // The matcher runs for a case worker of a big organisation (candidates from everywhere; reach decides what is shown).
    const bigOrg = [...loaded.orgs].sort((a, b) => b.workers.length - a.workers.length)[0];
    const workerActor: Actor = { userId: bigOrg.workers[0], organizationId: bigOrg.id, roles: ['case_worker'], kind: 'person' };
    const cand: Timing = { service: [], plain: [] };
    // The matcher alone (blocking, decryption and scoring; no access shaping, no audit), for the breakdown.
    const matcher: Timing = { service: [], plain: [] };
    const perKind = new Map<string, { n: number; hit: number }>();
    let recallHits = 0;
    let labelled = 0;
    let top1 = 0;
    let shownAbove = 0;
    let trueAbove = 0;
    let returned = 0;
    let controlsWithLikely = 0;
    let trueScoreSum = 0;
    const misses: { changes: string[]; rank: number | null; name: string; truth: string; nameScore: number; inBlocking: number; keysUsed: number; keysDropped: number; score: number | null }[] = [];
    const warm = variants.slice(0, Math.min(50, variants.length));
    for (const v of warm) await matchPersons(ctxFor(db, workerActor, n++), deps, matchInput.parse(v.query));
    for (const v of variants) {
      const input = matchInput.parse(v.query);
      const r = await timed(() => matchPersons(ctxFor(db, workerActor, n++), deps, input));
      cand.service.push(r.ms);
      cand.plain.push(await replay(plain, r.statements));
      const m = await timed(() => findMatches(db, deps, input, { limit: input.limit }));
      matcher.service.push(m.ms);
      matcher.plain.push(await replay(plain, m.statements));
      const candidates = r.value.candidates;
      returned += candidates.length;
      const above = candidates.filter((c) => c.score >= DISPLAY_THRESHOLD);
      if (v.personIndex === null) {
        if (above.length) controlsWithLikely++;
        continue;
      }
      const trueId = loaded.kept.get(v.personIndex)!.id;
      labelled++;
      const rank = candidates.findIndex((c) => c.personId === trueId);
      const hit = rank >= 0 && rank < 5;
      if (hit) recallHits++;
      if (rank === 0) top1++;
      if (rank >= 0) trueScoreSum += candidates[rank].score;
      shownAbove += above.length;
      trueAbove += above.filter((c) => c.personId === trueId).length;
      if (!hit && misses.length < 40) {
        // Why: did blocking find the person (its rank by evidence), and how alike are the names?
        const p = loaded.kept.get(v.personIndex)!.person;
        const birthYear = input.birth ? birthColumns(input.birth).birthYear : null;
        const phonesE164 = (input.phones ?? []).map(normalisePhone).filter((x): x is string => !!x);
        const block = await blockingCandidates(db, deps.lookup, { ...input, birthYear, phonesE164 });
        misses.push({
          changes: v.changes,
          rank: rank >= 0 ? rank : null,
          name: v.query.fullName,
          truth: p.fullName,
          nameScore: compareNames(v.query.fullName, p.fullName).score,
          inBlocking: block.ids.indexOf(trueId),
          keysUsed: block.keysUsed,
          keysDropped: block.keysDropped,
          score: rank >= 0 ? candidates[rank].score : null,
        });
      }
      for (const k of v.changes) {
        const s = perKind.get(k) ?? { n: 0, hit: 0 };
        s.n++;
        if (hit) s.hit++;
        perKind.set(k, s);
      }
    }
    log('duplicate candidates measured');

    // -- Worklists -------------------------------------------------------------------------------
    const orgsBySize = [...loaded.orgs].sort((a, b) => b.workers.length - a.workers.length);
    const supervisors = orgsBySize.slice(0, 5).map((o): Actor => ({ userId: o.supervisorId, organizationId: o.id, roles: ['supervisor'], kind: 'person' }));
    const workers = orgsBySize.slice(0, 10).flatMap((o) => o.workers.slice(0, -1).map((w): Actor => ({ userId: w, organizationId: o.id, roles: ['case_worker'], kind: 'person' })));
    const nationalSupervisor: Actor = { userId: loaded.orgs[0].supervisorId, organizationId: loaded.orgs[0].id, roles: ['supervisor'], kind: 'person' };
    const q = (x: Partial<CaseQuery>): CaseQuery => ({ scope: 'mine', limit: 25, offset: 0, ...x }) as CaseQuery;
    const scenarios: { name: string; actor: (i: number) => Actor; query: CaseQuery }[] = [
      { name: 'mine', actor: (i) => workers[(i * 7919) % workers.length], query: q({}) },
      { name: 'mine, overdue', actor: (i) => workers[(i * 7919) % workers.length], query: q({ overdue: 'true' }) },
      { name: 'mine, stage reintegration', actor: (i) => workers[(i * 7919) % workers.length], query: q({ stage: 'reintegration' }) },
      { name: 'organisation', actor: (i) => supervisors[i % supervisors.length], query: q({ scope: 'organization' }) },
      { name: 'organisation, page 11', actor: (i) => supervisors[i % supervisors.length], query: q({ scope: 'organization', offset: 250 }) },
      { name: 'organisation, stage assessment', actor: (i) => supervisors[i % supervisors.length], query: q({ scope: 'organization', stage: 'assessment' }) },
      { name: 'organisation, country MY', actor: (i) => supervisors[i % supervisors.length], query: q({ scope: 'organization', country: 'MY' }) },
      { name: 'organisation, overdue', actor: (i) => supervisors[i % supervisors.length], query: q({ scope: 'organization', overdue: 'true' }) },
      { name: 'organisation, presumed victim + KH', actor: (i) => supervisors[i % supervisors.length], query: q({ scope: 'organization', type: 'presumed_victim', country: 'KH' }) },
      { name: 'national org, province 53', actor: () => nationalSupervisor, query: q({ scope: 'organization', province: '53' }) },
      { name: 'queue', actor: (i) => supervisors[i % supervisors.length], query: q({ scope: 'queue' }) },
    ];
    const perScenario = Math.max(20, Math.round(SAMPLES / 3));
    const worklist: Record<string, Timing & { total: number }> = {};
    const allWorklist: Timing = { service: [], plain: [] };
    for (const s of scenarios) {
      const t: Timing & { total: number } = { service: [], plain: [], total: 0 };
      for (let i = 0; i < 5; i++) await listCases(ctxFor(db, s.actor(i), n++), deps, s.query);
      if (flag('explain')) {
        const r = await timed(() => listCases(ctxFor(db, s.actor(0), n++), deps, s.query));
        for (const st of r.statements.filter((x) => isQuery(x) && /^\s*select/i.test(x.text))) {
          const plan = await plain.query(`explain (analyze, buffers, costs off) ${st.text}`, st.params as unknown[]);
          console.error(`--- ${s.name}\n${st.text}\n${plan.rows.map((x: Record<string, string>) => x['QUERY PLAN']).join('\n')}`);
        }
      }
      for (let i = 0; i < perScenario; i++) {
        const r = await timed(() => listCases(ctxFor(db, s.actor(i), n++), deps, s.query));
        t.service.push(r.ms);
        t.plain.push(await replay(plain, r.statements));
        t.total = r.value.total;
      }
      worklist[s.name] = t;
      allWorklist.service.push(...t.service);
      allWorklist.plain.push(...t.plain);
    }
    log('worklists measured');

    // -- Case reads ------------------------------------------------------------------------------
    const orgById = new Map(loaded.orgs.map((o) => [o.id, o]));
    const reads: Timing = { service: [], plain: [] };
    const sample = loaded.caseSample.slice(0, SAMPLES + 20);
    for (const [i, c] of sample.entries()) {
      const o = orgById.get(c.organizationId)!;
      const actor: Actor = c.assignedToId
        ? { userId: c.assignedToId, organizationId: o.id, roles: ['case_worker'], kind: 'person' }
        : { userId: o.supervisorId, organizationId: o.id, roles: ['supervisor'], kind: 'person' };
      const r = await timed(() => readCase(ctxFor(db, actor, n++), deps, c.id));
      if (i < 20) continue;
      reads.service.push(r.ms);
      reads.plain.push(await replay(plain, r.statements));
    }
    log('case reads measured');

    // -- Report ----------------------------------------------------------------------------------
    const row = timingRow;
    const recall = labelled ? recallHits / labelled : NaN;
    const precision = shownAbove ? trueAbove / shownAbove : NaN;
    const lines = [
      `Persons ${loaded.persons.toLocaleString('en')}, cases ${loaded.cases.toLocaleString('en')}, documents ${loaded.documents.toLocaleString('en')}, match keys ${loaded.keys.toLocaleString('en')} (${(loaded.keys / loaded.persons).toFixed(1)} a person), tasks ${loaded.tasks.toLocaleString('en')}, organisations ${loaded.orgs.length}, users ${loaded.users.toLocaleString('en')}; load ${loaded.seconds.toFixed(0)} s; database ${dbSize[0].size} (${sizes.map((s) => `${s.t} ${s.size}`).join(', ')}).`,
      '',
      ...timingHeader,
      row('duplicate candidates (POST /persons/match)', cand, 50),
      row('  of which the matcher alone (findMatches: blocking, decryption, scoring)', matcher, null),
      row('worklist page, all scenarios', allWorklist, 30),
      ...Object.entries(worklist).map(([name, t]) => row(`  worklist: ${name} (total ${t.total.toLocaleString('en')})`, t, null)),
      row('case read (GET /cases/:id)', reads, 20),
      '',
      `Duplicate detection on ${labelled} labelled re-registrations and ${CONTROLS} controls (persons never loaded):`,
      `- recall of the true person in the top 5: **${recall.toFixed(3)}** (target ≥ 0.95); ranked first: ${(top1 / labelled).toFixed(3)}; mean score of the true match when found: ${(trueScoreSum / Math.max(1, labelled)).toFixed(2)}`,
      `- precision at the display threshold ${DISPLAY_THRESHOLD}: **${precision.toFixed(3)}** (of ${shownAbove} candidates scoring ≥ ${DISPLAY_THRESHOLD} for labelled queries, ${trueAbove} were the true person)`,
      `- controls with a candidate ≥ ${DISPLAY_THRESHOLD}: ${controlsWithLikely} of ${CONTROLS}; candidates returned per query (score ≥ 0.35, at most 10): ${(returned / variants.length).toFixed(1)}`,
      '',
      '| change | n | recall@5 |',
      '|---|---|---|',
      ...[...perKind.entries()].sort((a, b) => b[1].n - a[1].n).map(([k, s]) => `| ${k} | ${s.n} | ${(s.hit / s.n).toFixed(3)} |`),
    ];
    results = {
      persons: loaded.persons,
      cases: loaded.cases,
      loadSeconds: loaded.seconds,
      candidates: { p50: percentile(cand.service, 50), p95: percentile(cand.service, 95), p99: percentile(cand.service, 99), sqlP95: percentile(cand.plain, 95), recall, precision, top1: top1 / labelled },
      worklist: { p95: percentile(allWorklist.service, 95), sqlP95: percentile(allWorklist.plain, 95) },
      caseRead: { p95: percentile(reads.service, 95), sqlP95: percentile(reads.plain, 95) },
      misses,
    };
    const machine = await machineLine(plain);
    const header = [`Run ${started.toISOString()} — ${machine}`, `Command: DATABASE_URL=… npx tsx bench/cases.bench.ts ${process.argv.slice(2).join(' ')}`.trim(), ''];
    console.log([...header, ...lines].join('\n'));
    if (misses.length)
      console.error(
        `misses (synthetic names): changes | query name / true name | name score | rank in results | rank in blocking (-1: not found) | keys used/dropped\n${misses
          .map((m) => `  ${m.changes.join('+')} | ${m.name} / ${m.truth} | ${m.nameScore} | ${m.rank} (${m.score}) | ${m.inBlocking} | ${m.keysUsed}/${m.keysDropped}`)
          .join('\n')}`,
      );
    const out = arg('json');
    if (out) fs.writeFileSync(out, JSON.stringify(results, null, 2));
  } finally {
    plain.release();
    await pool.end();
    if (!flag('keep') && !REUSE) {
      await admin((c) => c.query(`drop database if exists ${dbName} with (force)`));
      log(`dropped ${dbName}`);
    } else log(`kept ${dbName}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

// Benchmark of matching (issue 6): a returnee against the open openings and training places, and an
// opening against the cases of an organisation, through the real service functions, and next to
// each the exact SQL those services ran, replayed on the engine.
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5433/postgres npx tsx bench/employment.bench.ts [--keep]
//     [--cases 1000000] [--openings 20000] [--profile-share 30] [--samples 300] [--limit 20] [--seed 20261201]
//     [--reuse <db>] [--explain] [--json out.json]
//   npx tsx bench/employment.bench.ts --engine pglite --cases 50000 --openings 5000    # embedded, smaller
//
// On PostgreSQL the benchmark creates its own database (pulang_employment_<random>), loads it with
// set-based SQL (generate_series: organisations, case workers, persons, cases, consents) and, for
// what goes through the application's own functions (skills profiles with profileMatchKeys,
// openings with openingMatchKeys), batches of generated rows; --keep keeps it and --reuse <db>
// measures a kept one again. Figures and the command line go into BENCHMARKS.md.
import { PGlite } from '@electric-sql/pglite';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { setAuditKey } from '../src/audit/chain.js';
import { openingMatchKeys, profileMatchKeys } from '../src/employment/matching/keys.js';
import { caseMatchesQuery, openingCandidatesQuery } from '../src/employment/matching/schema.js';
import { candidatesForOpening, matchesForCase } from '../src/employment/matching/service.js';
import { FieldCipher } from '../src/platform/crypto/fields.js';
import type { Database, Db } from '../src/platform/db/client.js';
import { migrate } from '../src/platform/db/migrate.js';
import * as schema from '../src/platform/db/schema.js';
import type { Actor } from '../src/policy/policy.js';
import { admin as adminWith, arg, ctxFor, flag, isQuery, log, logger, percentile, timed, timingHeader, timingRow, type Statement, type Timing } from './harness.js';
import { dropConstraintsAndIndexes, restoreConstraintsAndIndexes } from './loader/bulk.js';
import { generateOpening, generateProfile } from './employment-data.js';
import os from 'node:os';

const ENGINE = arg('engine', 'postgresql') === 'pglite' ? 'pglite' : 'postgresql';
const CASES = Number(arg('cases', ENGINE === 'pglite' ? '50000' : '1000000'));
const OPENINGS = Number(arg('openings', ENGINE === 'pglite' ? '5000' : '20000'));
const PROFILE_SHARE = Number(arg('profile-share', '30'));
const SAMPLES = Number(arg('samples', ENGINE === 'pglite' ? '100' : '300'));
const LIMIT = Number(arg('limit', '20'));
const SEED = arg('seed', '20261201')!;
const WARM = 20;
const EMPLOYERS = Math.max(20, Math.round(OPENINGS / 30));
const SCHOOLS = Math.max(5, Math.round(OPENINGS / 130));

/** Where the load picks a returnee's home: BP2MI placement and repatriation figures by province. */
const provinceWeights: [string, number][] = [
  ['35', 24], ['33', 20], ['32', 18], ['52', 10], ['53', 5], ['18', 4], ['12', 4], ['73', 3], ['36', 3], ['51', 2],
  ['61', 1.5], ['64', 1.5], ['65', 1.5], ['16', 1], ['21', 1], ['14', 0.5],
];
const ngoProvinces = new Set(['35', '33', '32', '52', '53', '12', '65']);

const benchKey = (purpose: string) => createHash('sha256').update(`pulang-employment-bench:${SEED}:${purpose}`).digest();
const cipher = new FieldCipher(benchKey('cipher'));
setAuditKey(benchKey('audit'));

/** What both engines answer: a query with parameters returning rows. */
interface Raw {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

function textArray(xs: readonly string[]): string {
  return `{${xs.map((x) => `"${x.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

// ---------------------------------------------------------------------------------------------
// Loading.

async function loadNetwork(raw: Raw): Promise<void> {
  const t0 = performance.now();
  const { rows: provinces } = await raw.query<{ code: string; name: string }>(`select code, name from areas where level = 'province' order by code`);
  const weights = provinces.map((p) => provinceWeights.find(([c]) => c === p.code)?.[1] ?? 0.1);
  const total = weights.reduce((a, b) => a + b, 0);
  const bounds: number[] = [];
  weights.reduce((acc, w) => (bounds.push(acc / total), acc + w), 0);

  // Organisations: the national agency, each province's social service, NGOs in the sending provinces, and the partners.
  const orgs: { id: string; name: string; type: string; level: string; area: string | null; partnerKind: string | null; suspended: boolean }[] = [];
  const national = crypto.randomUUID();
  orgs.push({ id: national, name: 'Badan Pelindungan Pekerja Migran (contoh)', type: 'ministry', level: 'national', area: '31', partnerKind: null, suspended: false });
  const dinsos = provinces.map((p) => {
    const id = crypto.randomUUID();
    orgs.push({ id, name: `Dinas Sosial Provinsi ${p.name} (contoh)`, type: 'local_government', level: 'province', area: p.code, partnerKind: null, suspended: false });
    return id;
  });
  const ngo = provinces.map((p) => {
    if (!ngoProvinces.has(p.code)) return null;
    const id = crypto.randomUUID();
    orgs.push({ id, name: `Yayasan Pendamping Migran ${p.name} (contoh)`, type: 'ngo', level: 'province', area: p.code, partnerKind: null, suspended: false });
    return id;
  });
  for (let i = 0; i < EMPLOYERS + SCHOOLS; i++) {
    const school = i >= EMPLOYERS;
    orgs.push({
      id: crypto.randomUUID(),
      name: school ? `LPK Terampil ${i - EMPLOYERS + 1} (contoh)` : `PT Karya Contoh ${i + 1}`,
      type: 'private_sector',
      level: 'regency',
      area: null,
      partnerKind: school ? (i % 5 === 0 ? 'business_development' : 'vocational_school') : i % 7 === 0 ? 'recruitment_agency' : 'employer',
      suspended: i % 50 === 7,
    });
  }
  await raw.query(
    `insert into organizations (id, name, type, level, area_code, partner_kind, suspended_at)
     select id, name, type, level, area, kind, case when suspended then now() end
     from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bool[]) as t(id, name, type, level, area, kind, suspended)`,
    [orgs.map((o) => o.id), orgs.map((o) => o.name), orgs.map((o) => o.type), orgs.map((o) => o.level), orgs.map((o) => o.area), orgs.map((o) => o.partnerKind), orgs.map((o) => o.suspended)],
  );

  // The case skeleton: home province by weight; registered by the national agency (10 %), an NGO (12 %
  // where there is one) or the province's social service; a third closed.
  await raw.query(`drop table if exists bench_g`);
  await raw.query(
    `create unlogged table bench_g as
     select i, x.pidx, ($3::text[])[x.pidx] as province,
            case when x.r < 0.10 then $4::uuid when x.r < 0.22 and ($6::uuid[])[x.pidx] is not null then ($6::uuid[])[x.pidx] else ($5::uuid[])[x.pidx] end as org,
            x.r2 < 0.34 as closed, x.r3 < 0.05 as unassigned, x.r4, gen_random_uuid() as person_id, gen_random_uuid() as case_id
     from (select i, width_bucket(random(), $2::float8[]) as pidx, random() as r, random() as r2, random() as r3, random() as r4 from generate_series(1, $1::int) i) x`,
    [CASES, bounds, provinces.map((p) => p.code), national, dinsos, ngo],
  );
  log(`case skeleton ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // Case workers: one per 45 open cases of the organisation (as the case benchmark), and a supervisor each.
  await raw.query(`drop table if exists bench_n; create unlogged table bench_n as select org, greatest(1, ceil(count(*) filter (where not closed) / 45.0))::int as n from bench_g group by org`);
  await raw.query(
    `insert into users (id, organization_id, email, display_name, roles, status)
     select gen_random_uuid(), n.org, 'cw-' || n.org || '-' || k || '@bench.pulang.example', 'Pekerja Sosial ' || k, '{case_worker}', 'active'
     from bench_n n cross join lateral generate_series(1, n.n) k`,
  );
  await raw.query(
    `insert into users (id, organization_id, email, display_name, roles, status)
     select gen_random_uuid(), org, 'sup-' || org || '@bench.pulang.example', 'Penyelia', '{supervisor}', 'active' from bench_n`,
  );
  await raw.query(
    `drop table if exists bench_w; create unlogged table bench_w as
     select id, organization_id as org, row_number() over (partition by organization_id order by id) as k from users where roles = '{case_worker}';
     create index on bench_w (org, k)`,
  );
  await raw.query(`drop table if exists bench_c`);
  await raw.query(
    `create unlogged table bench_c as
     select g.*, w.id as worker_id
     from (select g.*, case when not g.closed then 1 + (row_number() over (partition by g.org, g.closed order by g.i) - 1) / 45 else 1 + g.i % n.n end as k
           from bench_g g join bench_n n on n.org = g.org) g
     join bench_w w on w.org = g.org and w.k = g.k`,
  );
  log(`case workers ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const name = cipher.encrypt('Nama Contoh');
  await raw.query(
    `insert into persons (id, organization_id, full_name_enc, sex, nationality, languages, home_province_code, created_by_id, created_at, updated_at)
     select person_id, org, $1, case when r4 < 0.62 then 'female' else 'male' end, 'ID', '{id}', province, worker_id, now(), now() from bench_c`,
    [name],
  );
  log(`persons ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await raw.query(
    `insert into cases (id, reference, person_id, organization_id, assigned_to_id, assigned_at, created_by_id, case_type, direction, stage, province_code,
                        opened_at, closed_at, created_at, updated_at)
     select case_id, 'PUL-B-' || lpad(i::text, 8, '0'), person_id, org, case when unassigned and not closed then null else worker_id end, now(), worker_id,
            (array['presumed_victim','vulnerable_migrant','victim_of_trafficking'])[1 + (i % 3)], 'inbound',
            case when closed then 'closed' else (array['intake','screening','assessment','return_planning','in_return','reintegration','monitoring'])[1 + (i % 7)] end,
            province, now() - make_interval(days => (r4 * 900)::int), case when closed then now() - make_interval(days => (r4 * 300)::int) end, now(), now()
     from bench_c`,
  );
  log(`cases ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  // Consent for case management on most cases (what the consent look-ups also have to pass over).
  await raw.query(
    `insert into case_consents (case_id, purpose, decision, method, given_at, recorded_by_id, created_at)
     select case_id, 'case_management', 'given', 'signed', now() - make_interval(days => (r4 * 900)::int), worker_id, now() from bench_c where r4 < 0.85`,
  );
  log(`consents ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

/** Skills profiles for PROFILE_SHARE % of the cases, generated and keyed by the application's own functions. */
async function loadProfiles(raw: Raw): Promise<number> {
  const { rows: regencyRows } = await raw.query<{ code: string }>(`select code from areas where level = 'regency' order by code`);
  const regencies = new Map<string, string[]>();
  for (const r of regencyRows) regencies.set(r.code.slice(0, 2), [...(regencies.get(r.code.slice(0, 2)) ?? []), r.code]);
  let last = 0;
  let count = 0;
  const BATCH = 5000;
  for (;;) {
    const { rows } = await raw.query<{ i: number; case_id: string; org: string; province: string }>(
      `select i, case_id, org, province from bench_c where i > $1 and (hashint4(i) & 1023) < $2 order by i limit ${BATCH}`,
      [last, Math.round((PROFILE_SHARE / 100) * 1024)],
    );
    if (!rows.length) break;
    last = rows.at(-1)!.i;
    const ps = rows.map((r) => generateProfile(SEED, r.i, r.province, regencies));
    await raw.query(
      `insert into skills_profiles (case_id, organization_id, seeking, work_history, skills, languages, education, certificates, preferred_sectors,
                                    preferred_area_codes, willing_to_relocate, constraints, available_from, match_keys)
       select c0, c1, c2::text[], c3::jsonb, c4::jsonb, c5::text[], c6, c7::jsonb, c8::text[], c9::text[], c10, c11::text[], c12, c13::text[]
       from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::bool[],
                   $12::text[], $13::date[], $14::text[]) as t(c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13)`,
      [
        rows.map((r) => r.case_id),
        rows.map((r) => r.org),
        ps.map((p) => textArray(p.seeking)),
        ps.map((p) => JSON.stringify(p.workHistory.map((h) => ({ ...h, abroad: h.country !== 'ID' })))),
        ps.map((p) => JSON.stringify(p.skills)),
        ps.map((p) => textArray(p.languages)),
        ps.map((p) => p.education),
        ps.map((p) => JSON.stringify(p.certificates.map((c) => ({ ...c, year: 2020 })))),
        ps.map((p) => textArray(p.preferredSectors)),
        ps.map((p) => textArray(p.preferredAreaCodes)),
        ps.map((p) => p.willingToRelocate),
        ps.map((p) => textArray(p.constraints)),
        ps.map((p) => p.availableFrom),
        ps.map((p, k) => textArray(profileMatchKeys({ ...p, organizationId: rows[k]!.org }))),
      ],
    );
    count += rows.length;
  }
  // job_matching consents: most of those seeking work gave one for every private-sector partner,
  // some refused, some withdrew; some named a partner; a few who are not looking gave one too.
  await raw.query(
    `insert into case_consents (case_id, purpose, recipient_organization_type, shared_fields, decision, method, given_at, withdrawn_at, recorded_by_id, created_at)
     select case_id, 'job_matching', 'private_sector', '{name,sex,age,languages,skills}', case when r < 0.06 then 'refused' else 'given' end, 'signed',
            now() - make_interval(days => (r2 * 300)::int), case when r >= 0.06 and r < 0.10 then now() - make_interval(days => (r2 * 20)::int) end, by_id, now()
     from (select p.case_id, c.created_by_id as by_id, random() as r, random() as r2, cardinality(p.seeking) > 0 as seeking, random() as pick
           from skills_profiles p join cases c on c.id = p.case_id) x
     where (seeking and pick < 0.75) or (not seeking and pick < 0.08)`,
  );
  await raw.query(
    `insert into case_consents (case_id, purpose, recipient_organization_id, shared_fields, decision, method, given_at, recorded_by_id, created_at)
     select case_id, 'job_matching', partners[1 + floor(r * cardinality(partners))::int], '{name,sex,age,languages,skills}',
            case when r2 < 0.2 then 'refused' else 'given' end, 'signed', now() - make_interval(days => (r2 * 100)::int), by_id, now()
     from (select p.case_id, c.created_by_id as by_id, random() as r, random() as r2, random() as pick from skills_profiles p join cases c on c.id = p.case_id
           where cardinality(p.seeking) > 0) x
     cross join (select array_agg(id) as partners from organizations where type = 'private_sector') o
     where pick < 0.10`,
  );
  return count;
}

/** OPENINGS open for matching and a quarter as many that are not (closed, past their closing day, drafts). */
async function loadOpenings(raw: Raw): Promise<number> {
  const { rows: partners } = await raw.query<{ id: string }>(`select id from organizations where type = 'private_sector' order by name`);
  const employers = partners.slice(0, EMPLOYERS).map((p) => p.id);
  const schools = partners.slice(EMPLOYERS).map((p) => p.id);
  const orgIds = [...employers, ...schools];
  const { rows: regencyRows } = await raw.query<{ code: string }>(`select code from areas where level = 'regency' order by code`);
  const regencies = regencyRows.map((r) => r.code);
  const total = OPENINGS + Math.round(OPENINGS / 4);
  for (let start = 0; start < total; start += 5000) {
    const batch = Array.from({ length: Math.min(5000, total - start) }, (_, k) => generateOpening(SEED, start + k, start + k < OPENINGS, { employers: employers.length, schools: schools.length }, regencies));
    await raw.query(
      `insert into employment_openings (organization_id, kind, status, title, sector, occupation, area_code, province_code, remote, places, wage_min_idr, wage_max_idr,
              contract_type, hours_per_week, working_hours, required_skills, required_languages, min_education, required_certificates, accommodation, start_on,
              closes_on, commitments, duration_weeks, cost_idr, certificate_awarded, match_keys, published_at, closed_at)
       select c0, c1, c2, c3, c4, c5, c6, left(c6, 2), c7, c8, c9, c10, c11, c12, c13, c14::jsonb, c15::text[], c16, c17::text[], c18, c19, c20,
              '{no_fees,no_document_retention,written_contract}', c21, c22, c23, c24::text[], case when c2 <> 'draft' then now() end, case when c2 = 'closed' then now() end
       from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bool[], $9::int[], $10::bigint[], $11::bigint[],
                   $12::text[], $13::int[], $14::text[], $15::text[], $16::text[], $17::text[], $18::text[], $19::text[], $20::date[], $21::date[], $22::int[],
                   $23::bigint[], $24::text[], $25::text[])
            as t(c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18, c19, c20, c21, c22, c23, c24)`,
      [
        batch.map((o) => orgIds[o.organizationIndex]),
        batch.map((o) => o.kind),
        batch.map((o) => o.status),
        batch.map((o) => o.title),
        batch.map((o) => o.sector),
        batch.map((o) => o.occupation),
        batch.map((o) => o.areaCode),
        batch.map((o) => o.remote),
        batch.map((o) => o.places),
        batch.map((o) => o.wageMinIdr),
        batch.map((o) => o.wageMaxIdr),
        batch.map((o) => o.contractType),
        batch.map((o) => o.hoursPerWeek),
        batch.map((o) => o.workingHours),
        batch.map((o) => JSON.stringify(o.requiredSkills)),
        batch.map((o) => textArray(o.requiredLanguages)),
        batch.map((o) => o.minEducation),
        batch.map((o) => textArray(o.requiredCertificates)),
        batch.map((o) => o.accommodation),
        batch.map((o) => o.startOn),
        batch.map((o) => o.closesOn),
        batch.map((o) => o.durationWeeks),
        batch.map((o) => o.costIdr),
        batch.map((o) => o.certificateAwarded),
        batch.map((o) => textArray(openingMatchKeys(o))),
      ],
    );
  }
  return total;
}

async function load(raw: Raw, drop: boolean): Promise<void> {
  const t0 = performance.now();
  const tables = ['persons', 'cases', 'case_consents', 'skills_profiles', 'employment_openings'];
  const saved = drop ? await dropConstraintsAndIndexes(raw as unknown as pg.ClientBase, tables) : null;
  await loadNetwork(raw);
  const profiles = await loadProfiles(raw);
  log(`${profiles.toLocaleString('en')} skills profiles ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const openings = await loadOpenings(raw);
  log(`${openings.toLocaleString('en')} openings ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  if (saved) {
    log('rebuilding constraints and indexes');
    await restoreConstraintsAndIndexes(raw as unknown as pg.ClientBase, saved, log);
  }
  await raw.query('drop table if exists bench_g; drop table if exists bench_n; drop table if exists bench_w; drop table if exists bench_c');
  for (const t of [...tables, 'users', 'organizations']) await raw.query(`vacuum analyze ${t}`);
  log(`loaded in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

// ---------------------------------------------------------------------------------------------
// Measuring.

async function replayOn(raw: Raw, statements: Statement[]): Promise<number> {
  const t0 = performance.now();
  for (const s of statements.filter(isQuery)) await raw.query(s.text, s.params as unknown[]);
  return performance.now() - t0;
}

async function explain(raw: Raw, statements: Statement[], title: string) {
  const s = statements.find((x) => /match_keys &&/.test(x.text));
  if (!s) return;
  const { rows } = await raw.query<Record<string, string>>(`explain (analyze, buffers) ${s.text}`, s.params as unknown[]);
  console.error(`\n-- ${title}\n${rows.map((r) => Object.values(r)[0]).join('\n')}\n`);
}

async function machine(raw: Raw): Promise<string> {
  const { rows } = await raw.query<{ v: string }>('select version() as v');
  return `${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}, ${ENGINE === 'pglite' ? 'PGlite ' : ''}${rows[0].v.split(',')[0]}`;
}

interface Opened {
  database: Database;
  raw: Raw;
  plain: Raw;
  name: string;
  drop: boolean;
  done(): Promise<void>;
}

async function open(): Promise<Opened> {
  if (ENGINE === 'pglite') {
    const client = await PGlite.create({ extensions: { pg_trgm, unaccent, fuzzystrmatch } });
    const db = drizzlePglite(client, { schema, logger }) as unknown as Db;
    const database: Database = { db, engine: 'pglite', pglite: client, ping: async () => {}, close: () => client.close() };
    const raw: Raw = { query: async (text, params) => client.query(text, params as unknown[]) as never };
    // PGlite runs one statement at a time; a multi-statement text goes through exec.
    const rawMulti: Raw = {
      query: async (text, params) => (params?.length || !text.includes(';') ? raw.query(text, params) : ((await client.exec(text)).at(-1) as never)),
    };
    return { database, raw: rawMulti, plain: raw, name: 'pglite (in memory)', drop: false, done: () => client.close() };
  }
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL is required (a PostgreSQL server), or --engine pglite.');
    process.exit(2);
  }
  const reuse = arg('reuse');
  const name = reuse ?? `pulang_employment_${randomBytes(5).toString('hex')}`;
  if (!reuse) await adminWith(pg.Client, url, (c) => c.query(`create database ${name}`));
  const u = new URL(url);
  u.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: u.toString(), max: 6 });
  pool.on('error', () => {});
  const db = drizzlePg(pool, { schema, logger }) as unknown as Db;
  const database: Database = { db, engine: 'postgresql', ping: async () => {}, close: () => pool.end() };
  const setup = await pool.connect();
  const plain = await pool.connect();
  await setup.query(`set maintenance_work_mem = '1GB'`);
  await setup.query('set synchronous_commit = off');
  return {
    database,
    raw: setup,
    plain,
    name,
    drop: true,
    async done() {
      setup.release();
      plain.release();
      await pool.end();
      if (!reuse && !flag('keep')) await adminWith(pg.Client, url, (c) => c.query(`drop database ${name} with (force)`));
      else log(`kept database ${name} (measure again with --reuse ${name})`);
    },
  };
}

async function main() {
  const started = new Date();
  const o = await open();
  const { database, raw, plain } = o;
  const db = database.db;
  try {
    await migrate(database);
    const { rows: has } = await raw.query<{ n: number }>('select count(*)::int as n from skills_profiles');
    if (Number(has[0].n) === 0) await load(raw, o.drop);

    const { rows: counts } = await plain.query<Record<string, number>>(
      `select (select count(*) from cases)::int as cases, (select count(*) from cases where stage <> 'closed')::int as open_cases,
              (select count(*) from skills_profiles)::int as profiles, (select count(*) from skills_profiles where cardinality(seeking) > 0)::int as seeking,
              (select count(*) from case_consents where purpose = 'job_matching')::int as consents,
              (select count(*) from employment_openings)::int as openings,
              (select count(*) from employment_openings o join organizations g on g.id = o.organization_id
                where o.status = 'published' and (o.closes_on is null or o.closes_on >= current_date) and g.active and g.suspended_at is null)::int as open_openings,
              (select count(*) from employment_openings where kind = 'training')::int as training,
              (select count(*) from organizations where type = 'private_sector')::int as partners,
              (select count(*) from users)::int as users`,
    );
    const c = Object.fromEntries(Object.entries(counts[0]).map(([k, v]) => [k, Number(v)]));
    let n = 0;

    // -- (a) A returnee against the openings ------------------------------------------------------
    const { rows: returnees } = await plain.query<{ case_id: string; organization_id: string; assigned_to_id: string }>(
      `select p.case_id, c.organization_id, c.assigned_to_id from skills_profiles p join cases c on c.id = p.case_id
       where cardinality(p.seeking) > 0 and c.stage <> 'closed' and c.assigned_to_id is not null order by md5(p.case_id::text) limit ${SAMPLES + WARM}`,
    );
    const matches: Timing = { service: [], plain: [] };
    const byKind: Record<string, Timing> = { job: { service: [], plain: [] }, training: { service: [], plain: [] } };
    let returned = 0;
    const query = caseMatchesQuery.parse({ limit: LIMIT });
    for (const [i, r] of returnees.entries()) {
      const actor: Actor = { userId: r.assigned_to_id, organizationId: r.organization_id, roles: ['case_worker'], kind: 'person' };
      const t = await timed(() => matchesForCase(ctxFor(db, actor, n++), r.case_id, query));
      if (i === WARM && flag('explain')) await explain(plain, t.statements, 'matches of a case');
      if (i < WARM) continue;
      const sql = await replayOn(plain, t.statements);
      matches.service.push(t.ms);
      matches.plain.push(sql);
      byKind[t.value.kind].service.push(t.ms);
      byKind[t.value.kind].plain.push(sql);
      returned += t.value.items.length;
    }
    log(`matches measured: p95 ${percentile(matches.service, 95).toFixed(1)} ms`);

    // -- (b) An opening against the cases ---------------------------------------------------------
    // Case workers of the ten organisations with the most cases seeking work, in turn: the
    // largest provincial offices hold tens of thousands of profiles.
    const { rows: orgs } = await plain.query<{ id: string; name: string; seeking: number; worker: string }>(
      `select p.organization_id as id, g.name, count(*)::int as seeking,
              (select u.id from users u where u.organization_id = p.organization_id and u.roles = '{case_worker}' order by u.id limit 1) as worker
       from skills_profiles p join organizations g on g.id = p.organization_id where cardinality(p.seeking) > 0 group by 1, 2 order by 3 desc limit 10`,
    );
    const { rows: openings } = await plain.query<{ id: string; kind: string }>(
      `select o.id, o.kind from employment_openings o join organizations g on g.id = o.organization_id
       where o.status = 'published' and (o.closes_on is null or o.closes_on >= current_date) and g.active and g.suspended_at is null
       order by md5(o.id::text) limit ${SAMPLES + WARM}`,
    );
    const candidates: Timing = { service: [], plain: [] };
    const largest: Timing = { service: [], plain: [] };
    let found = 0;
    const cq = openingCandidatesQuery.parse({ limit: LIMIT });
    for (const [i, op] of openings.entries()) {
      const org = orgs[i % orgs.length];
      const actor: Actor = { userId: org.worker, organizationId: org.id, roles: ['case_worker'], kind: 'person' };
      const t = await timed(() => candidatesForOpening(ctxFor(db, actor, n++), op.id, cq));
      if (i === WARM && flag('explain')) await explain(plain, t.statements, `candidates (${org.name}, ${org.seeking} seeking)`);
      if (i < WARM) continue;
      const sql = await replayOn(plain, t.statements);
      candidates.service.push(t.ms);
      candidates.plain.push(sql);
      if (org.id === orgs[0].id) {
        largest.service.push(t.ms);
        largest.plain.push(sql);
      }
      found += t.value.items.length;
    }
    log(`candidates measured: p95 ${percentile(candidates.service, 95).toFixed(1)} ms`);

    const lines = [
      `Cases ${c.cases.toLocaleString('en')} (${c.open_cases.toLocaleString('en')} open), skills profiles ${c.profiles.toLocaleString('en')} (${c.seeking.toLocaleString('en')} seeking work or training), job_matching consents ${c.consents.toLocaleString('en')}; openings ${c.openings.toLocaleString('en')} (${c.open_openings.toLocaleString('en')} open for matching, ${c.training.toLocaleString('en')} training places) of ${c.partners.toLocaleString('en')} partners; ${c.users.toLocaleString('en')} users.`,
      `Organisations measured for candidates (seeking profiles): ${orgs.map((x) => `${x.name.replace(/ \(contoh\)/, '')} ${x.seeking.toLocaleString('en')}`).join(', ')}.`,
      '',
      ...timingHeader,
      timingRow(`matches of a returnee (GET /cases/{id}/matches, ${LIMIT} asked, ${(returned / Math.max(1, matches.service.length)).toFixed(1)} returned)`, matches, 100),
      timingRow('  of which jobs', byKind.job, null),
      timingRow('  of which training places', byKind.training, null),
      timingRow(`candidates for an opening (GET /openings/{id}/candidates, ${LIMIT} asked, ${(found / Math.max(1, candidates.service.length)).toFixed(1)} returned)`, candidates, 100),
      timingRow(`  of which the largest organisation (${orgs[0]?.seeking.toLocaleString('en')} seeking)`, largest, null),
    ];
    const header = [
      `Run ${started.toISOString()} — ${await machine(plain)}`,
      `Command: ${ENGINE === 'pglite' ? '' : 'DATABASE_URL=… '}npx tsx bench/employment.bench.ts ${process.argv.slice(2).join(' ')}`.trim(),
      '',
    ];
    console.log([...header, ...lines].join('\n'));
    const json = arg('json');
    if (json)
      fs.writeFileSync(
        json,
        JSON.stringify({ started, engine: ENGINE, counts: c, matches: summary(matches), candidates: summary(candidates), largest: summary(largest) }, null, 2),
      );
  } finally {
    await o.done();
  }
}

const summary = (t: Timing) => ({
  n: t.service.length,
  service: { p50: percentile(t.service, 50), p95: percentile(t.service, 95), p99: percentile(t.service, 99) },
  sql: { p50: percentile(t.plain, 50), p95: percentile(t.plain, 95), p99: percentile(t.plain, 99) },
});

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

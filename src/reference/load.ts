// Reference data loaded at migration time: Kemendagri areas (idn-area-data) and ISO 3166 countries.
// Each load is recorded in data_loads with its version so it runs once, and again when the package changes.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { eq, sql } from 'drizzle-orm';
import countriesLib from 'i18n-iso-countries';
import type { Db, DbHandle } from '../platform/db/client.js';
import { areas, countries, dataLoads } from '../platform/db/schema.js';

const require = createRequire(import.meta.url);

function packageVersion(name: string): string {
  return (JSON.parse(fs.readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
}

function readCsv(file: string): string[][] {
  const text = fs.readFileSync(file, 'utf8').trim();
  // idn-area-data CSVs: a header, then rows; names may be quoted when they hold a comma.
  return text
    .split(/\r?\n/)
    .slice(1)
    .map((line) => {
      const out: string[] = [];
      let cur = '';
      let quoted = false;
      for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (quoted) {
          if (c === '"' && line[i + 1] === '"') {
            cur += '"';
            i++;
          } else if (c === '"') quoted = false;
          else cur += c;
        } else if (c === '"') quoted = true;
        else if (c === ',') {
          out.push(cur);
          cur = '';
        } else cur += c;
      }
      out.push(cur);
      return out;
    });
}

// Upper-case source names in title case, keeping the abbreviations that are written in capitals.
const titleCase = (s: string) =>
  s
    .toLowerCase()
    .replace(/(^|[\s\-/(])([a-z])/g, (_m, p: string, c: string) => p + c.toUpperCase())
    .replace(/\bDki\b/g, 'DKI');

// One statement per table with the rows as a JSON parameter: far faster than many multi-row
// INSERTs (PGlite spends most of its time per statement), and the same on both engines.
async function insertAreas(tx: DbHandle, rows: { code: string; parentCode: string | null; level: string; name: string }[]) {
  const json = JSON.stringify(rows.map((r) => ({ code: r.code, parent_code: r.parentCode, level: r.level, name: r.name })));
  await tx.execute(sql`insert into areas (code, parent_code, level, name) select code, parent_code, level, name from json_populate_recordset(null::areas, ${json}::json)`);
}

async function insertCountries(tx: DbHandle, rows: { code: string; nameId: string; nameEn: string }[]) {
  const json = JSON.stringify(rows.map((r) => ({ code: r.code, name_id: r.nameId, name_en: r.nameEn })));
  await tx.execute(sql`insert into countries (code, name_id, name_en) select code, name_id, name_en from json_populate_recordset(null::countries, ${json}::json)`);
}

export async function loaded(db: DbHandle, name: string, version: string) {
  const [row] = await db.select().from(dataLoads).where(eq(dataLoads.name, name));
  return row?.version === version;
}

export async function record(tx: DbHandle, name: string, version: string) {
  await tx
    .insert(dataLoads)
    .values({ name, version })
    .onConflictDoUpdate({ target: dataLoads.name, set: { version, loadedAt: sql`now()` } });
}

export async function loadAreas(db: Db) {
  // The suffix changes when the way names are written here changes, so existing databases reload.
  const version = `${packageVersion('idn-area-data')}+names-2`;
  if (await loaded(db, 'areas', version)) return;
  const dir = require.resolve('idn-area-data/package.json').replace(/package\.json$/, 'data/');
  const rows: { code: string; parentCode: string | null; level: string; name: string }[] = [];
  for (const [code, name] of readCsv(`${dir}provinces.csv`)) rows.push({ code, parentCode: null, level: 'province', name: titleCase(name) });
  for (const [code, parent, name] of readCsv(`${dir}regencies.csv`)) rows.push({ code, parentCode: parent, level: 'regency', name: titleCase(name) });
  for (const [code, parent, name] of readCsv(`${dir}districts.csv`)) rows.push({ code, parentCode: parent, level: 'district', name });
  for (const [code, parent, name] of readCsv(`${dir}villages.csv`)) rows.push({ code, parentCode: parent, level: 'village', name });
  await db.transaction(async (tx) => {
    await tx.delete(areas);
    await insertAreas(tx, rows);
    await record(tx, 'areas', version);
  });
}

export async function loadCountries(db: Db) {
  const version = packageVersion('i18n-iso-countries');
  if (await loaded(db, 'countries', version)) return;
  countriesLib.registerLocale(require('i18n-iso-countries/langs/id.json'));
  countriesLib.registerLocale(require('i18n-iso-countries/langs/en.json'));
  const en = countriesLib.getNames('en', { select: 'official' });
  const id = countriesLib.getNames('id', { select: 'official' });
  // The official English short name of TW reads as a political claim; the field says "Taiwan".
  en.TW = 'Taiwan';
  const rows = Object.keys(en).map((code) => ({ code, nameEn: en[code], nameId: id[code] ?? en[code] }));
  await db.transaction(async (tx) => {
    await tx.delete(countries);
    await insertCountries(tx, rows);
    await record(tx, 'countries', version);
  });
}

export async function loadReferenceData(db: Db) {
  await loadCountries(db);
  await loadAreas(db);
}

// Duplicate detection: from what an intake form holds so far to ranked candidates with a 0–1
// score and reason codes. No access decisions here (the service adds them), so that benchmarks
// can call it directly.
//
// 1. Exact documents: the keyed hash of each NIK/passport/SPLP number finds its holder; such a
//    person always ranks first with score 1.
// 2. Blocking: the form's features (match-keys.ts) become keys; one statement fetches, per key,
//    at most KEY_CAP persons from the (key, person_id) index. A key that reaches the cap is too
//    common to mean anything (Siti born 1990) and is dropped. What is left is ranked by evidence
//    (the weight of each key family, more for rarer keys) and the best CANDIDATE_CAP are read.
// 3. Scoring: only those are decrypted and compared: names (every name against every name,
//    compareNames), birth (compareBirthDates), sex, home village, phone, conflicting NIK.
import { inArray, sql } from 'drizzle-orm';
import type { DbHandle } from '../platform/db/client.js';
import { personDocuments, persons } from '../platform/db/schema.js';
import type { Deps } from '../platform/http/types.js';
import { birthOf } from '../cases/derived.js';
import type { BirthDate } from '../cases/priority.js';
import { keyOf, queryFeatures, type KeyFamily } from './match-keys.js';
import { compareBirthDates, compareNames, type BirthDateInput } from './names.js';
import type { BirthInput } from './schema.js';
import { birthColumns, documentHash, normalisePhone } from './normalise.js';
import { pgArray } from '../platform/db/arrays.js';

export const KEY_CAP = 250;
export const CANDIDATE_CAP = 150;

const familyWeight: Record<KeyFamily, number> = { n: 3, ny: 4, j: 3, t: 1, p: 2, ty: 2, td: 1, tx: 1, nd: 6, nr: 3, ph: 4 };

export interface MatchQuery {
  fullName?: string;
  otherNames?: string[];
  sex?: 'female' | 'male';
  birth?: BirthInput | null;
  documents?: { type: string; number: string }[];
  phones?: string[];
  homeVillageCode?: string | null;
  excludePersonId?: string;
}

export interface ScoredCandidate {
  personId: string;
  organizationId: string;
  score: number;
  reasons: string[];
  exact: boolean;
  fullName: string;
  sex: string;
  birthYear: number | null;
  birth: BirthDate | null;
  homeVillageCode: string | null;
}

export interface MatchOptions {
  limit?: number;
  minScore?: number;
  keyCap?: number;
  candidateCap?: number;
}

function birthInputOf(b: BirthDate | BirthInput | null | undefined): BirthDateInput {
  if (!b) return {};
  if (b.kind === 'exact') return { year: +b.date.slice(0, 4), month: +b.date.slice(5, 7), day: +b.date.slice(8, 10) };
  if (b.kind === 'estimated_year') return { year: b.year, estimated: true };
  return { year: +b.statedOn.slice(0, 4) - b.age, estimated: true };
}


/** Blocking: candidate IDs ranked by the evidence of the keys they share with the query. */
export async function blockingCandidates(
  db: DbHandle,
  lookup: Deps['lookup'],
  q: MatchQuery & { birthYear?: number | null; birthDate?: string | null; phonesE164?: string[] },
  keyCap = KEY_CAP,
  candidateCap = CANDIDATE_CAP,
): Promise<{ ids: string[]; phoneHits: Set<string>; keysUsed: number; keysDropped: number; nameFrequency: number }> {
  const features = queryFeatures({
    fullName: q.fullName,
    otherNames: q.otherNames,
    birthYear: q.birthYear,
    birthDate: q.birthDate ?? (q.birth?.kind === 'exact' ? q.birth.date : null),
    homeVillageCode: q.homeVillageCode,
    phones: q.phonesE164,
  });
  const byKey = new Map<string, KeyFamily>();
  for (const f of features) {
    const k = keyOf(lookup, f);
    const prev = byKey.get(k);
    if (!prev || familyWeight[f.family] > familyWeight[prev]) byKey.set(k, f.family);
  }
  if (!byKey.size) return { ids: [], phoneHits: new Set(), keysUsed: 0, keysDropped: 0, nameFrequency: 0 };
  // Per key at most keyCap + 1 persons from the (key, person_id) index; a key over the cap comes
  // back as its count only (no IDs to send and parse).
  const res = (await db.execute(sql`
    select k.key, m.n, case when m.n <= ${keyCap} then m.ids end as ids
    from unnest(${pgArray([...byKey.keys()])}::text[]) as k(key)
    cross join lateral (
      select count(*)::int as n, array_agg(person_id::text) as ids
      from (select person_id from person_match_keys where key = k.key limit ${keyCap + 1}) s
    ) m
    where m.n > 0`)) as unknown as { rows: { key: string; n: number; ids: string[] | null }[] };
  const perKey = new Map<string, string[] | null>();
  for (const r of res.rows) perKey.set(r.key, r.ids);
  const counts = new Map(res.rows.map((r) => [r.key, Number(r.n)]));
  const evidence = new Map<string, number>();
  const phoneHits = new Set<string>();
  let dropped = 0;
  // How many persons carry the whole name (any birth year): namesakes make a name match weaker.
  let nameFrequency = 0;
  for (const [key, ids] of perKey) {
    const n = counts.get(key)!;
    if (byKey.get(key) === 'n') nameFrequency = Math.max(nameFrequency, n);
    if (!ids || n > keyCap) {
      dropped++;
      continue;
    }
    const family = byKey.get(key)!;
    const w = familyWeight[family] * Math.log2(1 + keyCap / ids.length);
    for (const id of ids) {
      evidence.set(id, (evidence.get(id) ?? 0) + w);
      if (family === 'ph') phoneHits.add(id);
    }
  }
  const ids = [...evidence.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, candidateCap)
    .map(([id]) => id);
  return { ids, phoneHits, keysUsed: perKey.size - dropped, keysDropped: dropped, nameFrequency };
}

const round = (x: number) => Math.round(Math.max(0, Math.min(1, x)) * 1000) / 1000;

/** Ranked candidates for what the form holds. Merged persons and `excludePersonId` never appear. */
export async function findMatches(db: DbHandle, deps: Pick<Deps, 'cipher' | 'lookup'>, q: MatchQuery, opts: MatchOptions = {}): Promise<ScoredCandidate[]> {
  const limit = opts.limit ?? 10;
  const minScore = opts.minScore ?? 0.35;
  const queryNames = [q.fullName ?? '', ...(q.otherNames ?? [])].filter((s) => s.trim());
  const qBirth = birthInputOf(q.birth);
  const birthYear = q.birth ? birthColumns(q.birth).birthYear : null;
  const phonesE164 = (q.phones ?? []).map(normalisePhone).filter((p): p is string => !!p);

  // 1. Exact documents.
  const docs = (q.documents ?? []).filter((d) => d.number.trim()).map((d) => ({ type: d.type, hash: documentHash(deps, d.type, d.number) }));
  const exactOf = new Map<string, string[]>();
  if (docs.length) {
    const rows = await db
      .select({ personId: personDocuments.personId, type: personDocuments.type, hash: personDocuments.numberHash })
      .from(personDocuments)
      .where(sql`(${personDocuments.type}, ${personDocuments.numberHash}) in (${sql.join(docs.map((d) => sql`(${d.type}, ${d.hash})`), sql`, `)})`);
    for (const r of rows) exactOf.set(r.personId, [...(exactOf.get(r.personId) ?? []), r.type]);
  }

  // 2. Blocking.
  const block = await blockingCandidates(db, deps.lookup, { ...q, birthYear, phonesE164 }, opts.keyCap, opts.candidateCap);
  const ids = [...new Set([...exactOf.keys(), ...block.ids])].filter((id) => id !== q.excludePersonId);
  if (!ids.length) return [];

  // 3. Scoring.
  const rows = await db
    .select({
      id: persons.id,
      organizationId: persons.organizationId,
      fullNameEnc: persons.fullNameEnc,
      otherNamesEnc: persons.otherNamesEnc,
      sex: persons.sex,
      birthKind: persons.birthKind,
      birthDate: persons.birthDate,
      birthYear: persons.birthYear,
      birthAge: persons.birthAge,
      birthAgeStatedOn: persons.birthAgeStatedOn,
      homeVillageCode: persons.homeVillageCode,
      mergedIntoId: persons.mergedIntoId,
    })
    .from(persons)
    .where(inArray(persons.id, ids));
  // A NIK on both sides that differs is strong evidence of two people.
  const queryNik = docs.filter((d) => d.type === 'nik').map((d) => d.hash);
  const nikOf = new Map<string, string[]>();
  if (queryNik.length) {
    const nrows = await db
      .select({ personId: personDocuments.personId, hash: personDocuments.numberHash })
      .from(personDocuments)
      .where(sql`${personDocuments.type} = 'nik' and ${inArray(personDocuments.personId, ids)}`);
    for (const r of nrows) nikOf.set(r.personId, [...(nikOf.get(r.personId) ?? []), r.hash]);
  }

  // Namesakes are common: compare each distinct pair of written names once.
  const cache = new Map<string, ReturnType<typeof compareNames>>();
  const compare = (a: string, b: string) => {
    const k = `${a}\u0000${b}`;
    let c = cache.get(k);
    if (!c) cache.set(k, (c = compareNames(a, b)));
    return c;
  };
  const out: ScoredCandidate[] = [];
  for (const r of rows) {
    if (r.mergedIntoId) continue;
    const fullName = deps.cipher.decrypt(r.fullNameEnc);
    const names = [fullName, ...(r.otherNamesEnc ? (JSON.parse(deps.cipher.decrypt(r.otherNamesEnc)) as string[]) : [])];
    const birth = birthOf(r);
    const reasons: string[] = [];

    let nameScore = 0;
    let nameReasons: string[] = [];
    let viaOtherName = false;
    for (const [qi, qn] of queryNames.entries())
      for (const [ci, cn] of names.entries()) {
        const c = compare(qn, cn);
        if (c.score > nameScore) {
          nameScore = c.score;
          nameReasons = c.reasons;
          viaOtherName = qi > 0 || ci > 0;
        }
      }
    let score: number;
    if (queryNames.length) {
      reasons.push(...nameReasons.map((x) => `name_${x}`));
      if (viaOtherName) reasons.push('other_name');
      const b = compareBirthDates(qBirth, birthInputOf(birth));
      if (b.reasons[0] !== 'unknown') reasons.push(`birth_${b.reasons[0]}`);
      if (b.reasons[0] === 'unknown') score = 0.8 * nameScore;
      else if (b.reasons[0] === 'different') score = 0.55 * nameScore;
      else score = 0.7 * nameScore + 0.3 * b.score;
      // A name many people carry, matched without a full birth date, is weak evidence: each of
      // 16 namesakes loses 0.2 of the score (ranking among them is unchanged).
      if (b.reasons[0] !== 'exact' && b.reasons[0] !== 'day_month_swapped' && block.nameFrequency > 1) {
        score *= Math.max(0.75, 1 - 0.05 * Math.log2(block.nameFrequency));
        reasons.push('common_name');
      }
    } else {
      score = 0;
    }
    if (q.sex && r.sex !== q.sex) {
      score *= 0.6;
      reasons.push('sex_different');
    }
    // Home area: the same village, district or regency (Kemendagri codes nest by prefix).
    if (q.homeVillageCode && r.homeVillageCode) {
      if (r.homeVillageCode === q.homeVillageCode) {
        score += 0.05;
        reasons.push('same_village');
      } else if (r.homeVillageCode.slice(0, 8) === q.homeVillageCode.slice(0, 8)) {
        score += 0.03;
        reasons.push('same_district');
      } else if (r.homeVillageCode.slice(0, 5) === q.homeVillageCode.slice(0, 5)) {
        score += 0.02;
        reasons.push('same_regency');
      }
    }
    if (block.phoneHits.has(r.id)) {
      score = score + (1 - score) * 0.5;
      reasons.push('same_phone');
    }
    if (queryNik.length && nikOf.get(r.id)?.length && !nikOf.get(r.id)!.some((h) => queryNik.includes(h))) {
      score *= 0.5;
      reasons.push('nik_different');
    }
    const exactTypes = exactOf.get(r.id);
    const exact = !!exactTypes;
    if (exact) reasons.unshift(...[...new Set(exactTypes)].map((t) => `${t}_match`));
    // Only an identity document gives certainty.
    score = exact ? 1 : Math.min(0.99, score);
    if (!exact && score < minScore) continue;
    out.push({
      personId: r.id,
      organizationId: r.organizationId,
      score: round(score),
      reasons,
      exact,
      fullName,
      sex: r.sex,
      birthYear: r.birthYear,
      birth,
      homeVillageCode: r.homeVillageCode,
    });
  }
  out.sort((a, b) => Number(b.exact) - Number(a.exact) || b.score - a.score || a.personId.localeCompare(b.personId));
  return out.slice(0, limit);
}

// Duplicate detection through the API on generated name variants, cross-organisation privacy,
// and merging.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawQuery } from '../../test/support/database.js';
import { startServer, type Client, type TestServer, type TestUser } from '../../test/support/server.js';
import { cases } from '../platform/db/schema.js';

let s: TestServer;
let orgA: { id: string; name: string };
let orgB: { id: string; name: string };
let supA: Client & { user: TestUser };
let supB: Client & { user: TestUser };
let workerA: Client & { user: TestUser };

const query = (text: string) => rawQuery(s.database, text) as Promise<Record<string, any>[]>;

// ---------------------------------------------------------------------------------------------
// A small deterministic generator of persons and of the variants intake records really contain.

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = prng(20260317);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];

const FIRST_F = ['Siti', 'Sri', 'Dewi', 'Nur', 'Putri', 'Ika', 'Rina', 'Yuli', 'Ratna', 'Wulan'];
const FIRST_M = ['Muhammad', 'Ahmad', 'Agus', 'Budi', 'Eko', 'Rizki', 'Joko', 'Dedi', 'Hendra', 'Arif'];
const MIDDLE = ['Haliza', 'Aminah', 'Wahyuni', 'Lestari', 'Setiawan', 'Fauzi', 'Marlina', 'Prasetyo', 'Kurniawan', 'Rahayu', 'Handayani', 'Hidayat', 'Permata', 'Yulianti', 'Susanti', 'Anggraini'];
const LAST = ['Santoso', 'Wibowo', 'Nugroho', 'Susanto', 'Pratama', 'Hartono', 'Siregar', 'Nasution', 'Hasibuan', 'Simanjuntak', 'Gunawan', 'Saputra'];
const SINGLE_F = ['Suparmi', 'Tukiyem', 'Sumiyati', 'Painem', 'Wagiyem'];
const SINGLE_M = ['Sutrisno', 'Paijo', 'Suharto', 'Tukimin', 'Sugiyono'];

interface Base {
  fullName: string;
  sex: 'female' | 'male';
  date: string;
  id?: string;
}

function basePerson(i: number): Base {
  const sex = i % 2 ? 'female' : 'male';
  const y = 1965 + Math.floor(rnd() * 40);
  const m = 1 + Math.floor(rnd() * 12);
  const d = 1 + Math.floor(rnd() * 28);
  const date = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const shape = i % 5;
  let fullName: string;
  if (shape === 0) fullName = pick(sex === 'female' ? SINGLE_F : SINGLE_M);
  else if (shape === 1) fullName = `${pick(sex === 'female' ? FIRST_F : FIRST_M)} ${pick(MIDDLE)}`;
  else fullName = `${pick(sex === 'female' ? FIRST_F : FIRST_M)} ${pick(MIDDLE)} ${pick(LAST)}`;
  return { fullName, sex, date };
}

type Variant = { kind: string; fullName: string; birth: Record<string, unknown> };

const exact = (b: Base) => ({ kind: 'exact', date: b.date });
const tokens = (n: string) => n.split(' ');

/** Each kind of variant for a base person (null when it does not apply to this name). */
const variantKinds: Record<string, (b: Base) => Variant | null> = {
  joined: (b) => {
    const t = tokens(b.fullName);
    if (t.length < 2) return null;
    return { kind: 'joined', fullName: [t[0] + t[1].toLowerCase(), ...t.slice(2)].join(' '), birth: exact(b) };
  },
  spelling: (b) => {
    const t = tokens(b.fullName);
    const map: Record<string, string[]> = { Muhammad: ['Mohammad', 'Muhamad', 'Moh.', 'M.', 'Mochammad'], Ahmad: ['Achmad', 'Akhmad'], Joko: ['Djoko'], Siti: ['Sitti'], Nur: ['Noor'] };
    if (map[t[0]]) return { kind: 'spelling', fullName: [pick(map[t[0]]), ...t.slice(1)].join(' '), birth: exact(b) };
    const old = b.fullName.replace(/u/g, 'oe');
    return old === b.fullName ? null : { kind: 'spelling', fullName: old, birth: exact(b) };
  },
  title: (b) => ({
    kind: 'title',
    fullName: b.sex === 'female' ? `Hj. ${b.fullName}, S.Pd.` : `H. ${b.fullName}, S.E.`,
    birth: exact(b),
  }),
  word_order: (b) => {
    const t = tokens(b.fullName);
    return t.length < 2 ? null : { kind: 'word_order', fullName: [...t.slice(1), t[0]].join(' '), birth: exact(b) };
  },
  dropped_middle: (b) => {
    const t = tokens(b.fullName);
    return t.length < 3 ? null : { kind: 'dropped_middle', fullName: `${t[0]} ${t[2]}`, birth: exact(b) };
  },
  typo: (b) => {
    const t = tokens(b.fullName);
    const k = t.reduce((best, x, i) => (x.length > t[best].length ? i : best), 0);
    const w = t[k];
    // Swap two letters in the middle of the longest token.
    const j = Math.floor(w.length / 2);
    t[k] = w.slice(0, j) + w[j + 1] + w[j] + w.slice(j + 2);
    return { kind: 'typo', fullName: t.join(' '), birth: exact(b) };
  },
  day_month_swapped: (b) => {
    const [y, m, d] = b.date.split('-');
    if (Number(d) > 12 || d === m) return null;
    return { kind: 'day_month_swapped', fullName: b.fullName, birth: { kind: 'exact', date: `${y}-${d}-${m}` } };
  },
  year_only: (b) => ({ kind: 'year_only', fullName: b.fullName, birth: { kind: 'estimated_year', year: Number(b.date.slice(0, 4)) } }),
  stated_age: (b) => {
    const age = 2026 - Number(b.date.slice(0, 4)) - 1;
    return { kind: 'stated_age', fullName: b.fullName, birth: { kind: 'estimated_age', age, statedOn: '2026-01-15' } };
  },
};

function makeNik(sex: 'female' | 'male', date: string, seq = 1): string {
  const [y, m, d] = date.split('-').map(Number);
  return `337401${String(sex === 'female' ? d + 40 : d).padStart(2, '0')}${String(m).padStart(2, '0')}${String(y % 100).padStart(2, '0')}${String(seq).padStart(4, '0')}`;
}

const bases: Base[] = [];

beforeAll(async () => {
  s = await startServer();
  orgA = await s.org({ name: `Dinas Sosial Jawa Timur ${randomBytes(3).toString('hex')}` });
  orgB = await s.org({ name: `Yayasan Migran Sejahtera ${randomBytes(3).toString('hex')}` });
  supA = await s.signedIn({ organizationId: orgA.id, roles: ['supervisor'] });
  supB = await s.signedIn({ organizationId: orgB.id, roles: ['supervisor'] });
  workerA = await s.signedIn({ organizationId: orgA.id, roles: ['case_worker'] });
  const seeder = again(supA);
  for (let i = 0; i < 90; i++) {
    const b = basePerson(i);
    const res = await seeder.post('/api/v1/persons', { fullName: b.fullName, sex: b.sex, birth: { kind: 'exact', date: b.date } });
    if (res.status !== 201) throw new Error(res.text);
    b.id = res.body.id;
    bases.push(b);
  }
}, 120_000);
afterAll(() => s?.close());

/** The same session from a new client address, so that the per-address rate limit of a long test does not bite. */
function again(c: Client): Client {
  const n = s.client();
  n.cookies = new Map(c.cookies);
  return n;
}
const match = (c: Client, body: Record<string, unknown>) => c.post('/api/v1/persons/match', body);

describe('duplicate candidates on generated variants', () => {
  const kinds = Object.keys(variantKinds);
  it.each(kinds)('finds the true person in the top 5 for the %s variant', async (kind) => {
    let tried = 0;
    const misses: string[] = [];
    const c = again(supA);
    for (const b of bases) {
      const v = variantKinds[kind](b);
      if (!v) continue;
      tried++;
      const res = await match(c, { fullName: v.fullName, sex: b.sex, birth: v.birth });
      expect(res.status).toBe(200);
      const top = res.body.candidates.slice(0, 5).map((c: any) => c.personId);
      if (!top.includes(b.id)) misses.push(`${v.fullName} (${JSON.stringify(v.birth)})`);
    }
    expect(tried).toBeGreaterThan(5);
    expect(misses).toEqual([]);
  });

  it('ranks an exact NIK first with score 1, whatever the name', async () => {
    supA = Object.assign(again(supA), { user: supA.user });
    const date = '1991-07-21';
    const nik = makeNik('female', date, 42);
    const p = await supA.post('/api/v1/persons', { fullName: 'Kustini Rahmawati', sex: 'female', birth: { kind: 'exact', date }, documents: [{ type: 'nik', number: nik }] });
    expect(p.status).toBe(201);
    // A near namesake that matches the name better than the query does.
    await supA.post('/api/v1/persons', { fullName: 'Sri Wahyuni Hartono', sex: 'female', birth: { kind: 'exact', date: '1991-07-21' } });
    const res = await match(supA, { fullName: 'Sri Wahyuni Hartono', sex: 'female', birth: { kind: 'exact', date }, documents: [{ type: 'nik', number: nik }] });
    expect(res.body.candidates[0]).toMatchObject({ personId: p.body.id, score: 1, inReach: true });
    expect(res.body.candidates[0].reasons).toContain('nik_match');
    expect(res.body.candidates.slice(1).every((c: any) => c.score < 1)).toBe(true);
  });

  it('explains the match with reason codes and shows an in-reach candidate', async () => {
    const b = bases.find((x) => tokens(x.fullName).length === 3)!;
    const [y, m, d] = b.date.split('-');
    const res = await match(supA, { fullName: `Hj. ${tokens(b.fullName).reverse().join(' ')}`, sex: b.sex, birth: { kind: 'estimated_year', year: Number(y) } });
    const c = res.body.candidates.find((x: any) => x.personId === b.id);
    expect(c.reasons).toEqual(expect.arrayContaining(['name_word_order', 'name_title_removed', 'birth_year_only']));
    expect(c.person).toMatchObject({ fullName: b.fullName, sex: b.sex, birthYear: Number(y), caseReferences: [] });
    expect(c.score).toBeGreaterThan(0.5);
    expect(c.score).toBeLessThan(1);
    void m;
    void d;
  });

  it('excludes a given person and returns nothing for an unknown name', async () => {
    const b = bases[1];
    const res = await match(supA, { fullName: b.fullName, sex: b.sex, birth: { kind: 'exact', date: b.date }, excludePersonId: b.id });
    expect(res.body.candidates.map((c: any) => c.personId)).not.toContain(b.id);
    const none = await match(supA, { fullName: 'Xyloquist Zebrowski', sex: 'male' });
    expect(none.body.candidates).toEqual([]);
  });

  it('tells another organisation only the score, reasons and whom to contact', async () => {
    const b = bases[7];
    const res = await match(supB, { fullName: b.fullName, sex: b.sex, birth: { kind: 'exact', date: b.date } });
    expect(res.status).toBe(200);
    const c = res.body.candidates.find((x: any) => x.personId === b.id);
    expect(c).toEqual({ personId: b.id, score: expect.any(Number), reasons: expect.any(Array), inReach: false, organizationName: orgA.name });
    for (const t of tokens(b.fullName)) expect(res.text).not.toContain(t);
    expect(res.text).not.toContain(b.date.slice(0, 4));
    // A case worker sees colleagues' persons the same way.
    const w = await match(workerA, { fullName: b.fullName, sex: b.sex, birth: { kind: 'exact', date: b.date } });
    expect(w.body.candidates.find((x: any) => x.personId === b.id)).toEqual({ personId: b.id, score: expect.any(Number), reasons: expect.any(Array), inReach: false, organizationName: orgA.name });
  });

  it("shows a case worker the persons they registered and those of their cases, not a colleague's", async () => {
    const w = again(workerA);
    const sup = again(supA);
    const body = { fullName: 'Rusmini Kartikasari', sex: 'female', birth: { kind: 'exact', date: '1987-02-14' } };
    const mine = await w.post('/api/v1/persons', body);
    const colleagues = await sup.post('/api/v1/persons', body);
    const assigned = await sup.post('/api/v1/persons', body);
    expect([mine.status, colleagues.status, assigned.status]).toEqual([201, 201, 201]);
    await s.database.db.insert(cases).values({
      reference: 'PUL-2026-W00001',
      personId: assigned.body.id,
      organizationId: orgA.id,
      createdById: supA.user.id,
      assignedToId: workerA.user.id,
      caseType: 'presumed_victim',
      direction: 'inbound',
    });
    const res = await match(w, body);
    const byId = new Map(res.body.candidates.map((c: any) => [c.personId, c]));
    expect(byId.get(mine.body.id)).toMatchObject({ inReach: true, person: { fullName: 'Rusmini Kartikasari', caseReferences: [] } });
    expect(byId.get(assigned.body.id)).toMatchObject({ inReach: true, person: { caseReferences: ['PUL-2026-W00001'] } });
    expect(byId.get(colleagues.body.id)).toEqual({ personId: colleagues.body.id, score: expect.any(Number), reasons: expect.any(Array), inReach: false, organizationName: orgA.name });
    // The supervisor reaches all three, with the references of their organisation's cases.
    const all = await match(sup, body);
    expect(all.body.candidates.filter((c: any) => c.inReach).map((c: any) => c.personId)).toEqual(expect.arrayContaining([mine.body.id, colleagues.body.id, assigned.body.id]));
  });

  it('audits the search with the count only', async () => {
    await match(supA, { fullName: bases[3].fullName });
    const [row] = await query(`select details from audit_events where action = 'person.match' and actor_id = '${supA.user.id}' order by seq desc limit 1`);
    expect(Object.keys(row.details)).toEqual(['count']);
  });
});

describe('merging two records', () => {
  beforeAll(() => {
    supA = Object.assign(again(supA), { user: supA.user });
  });
  let refN = 0;
  async function insertCase(personId: string) {
    const [c] = await s.database.db
      .insert(cases)
      .values({ reference: `PUL-2026-M${String(++refN).padStart(5, '0')}`, personId, organizationId: orgA.id, createdById: supA.user.id, caseType: 'presumed_victim', direction: 'inbound' })
      .returning({ id: cases.id });
    return c.id;
  }

  it('moves cases and documents, keeps the duplicate for history, and finds the person by the old spelling', async () => {
    const date = '1986-02-14';
    const nik = makeNik('female', date, 9);
    const keep = await supA.post('/api/v1/persons', { fullName: 'Nurhayati Kusumawardani', sex: 'female', birth: { kind: 'exact', date } });
    const dup = await supA.post('/api/v1/persons', {
      fullName: 'Noerhajati Koesoemawardhani',
      sex: 'female',
      birth: { kind: 'exact', date },
      documents: [{ type: 'nik', number: nik }],
      phones: ['081211112222'],
    });
    const caseId = await insertCase(dup.body.id);

    const candidates = await match(supA, { fullName: 'Nurhayati Kusumawardani', sex: 'female', birth: { kind: 'exact', date }, excludePersonId: keep.body.id });
    expect(candidates.body.candidates[0].personId).toBe(dup.body.id);

    const res = await supA.post(`/api/v1/persons/${keep.body.id}/merge`, { duplicateId: dup.body.id, version: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: keep.body.id, version: 2, otherNames: ['Noerhajati Koesoemawardhani'], phones: ['+6281211112222'] });
    expect(res.body.documents.map((d: any) => d.number)).toEqual([nik]);

    const [dupRow] = await query(`select merged_into_id, merged_at from persons where id = '${dup.body.id}'`);
    expect(dupRow.merged_into_id).toBe(keep.body.id);
    expect(dupRow.merged_at).not.toBeNull();
    expect((await query(`select person_id from cases where id = '${caseId}'`))[0].person_id).toBe(keep.body.id);
    const events = await query(`select kind, from_value, to_value, by_id from case_events where case_id = '${caseId}'`);
    expect(events).toEqual([{ kind: 'person_merged', from_value: dup.body.id, to_value: keep.body.id, by_id: supA.user.id }]);
    expect((await query(`select count(*)::int as n from person_match_keys where person_id = '${dup.body.id}'`))[0].n).toBe(0);

    // The merged record never comes back as a candidate; the survivor is found by the NIK and the old spelling.
    const byNik = await match(supA, { fullName: 'Noerhajati', documents: [{ type: 'nik', number: nik }] });
    expect(byNik.body.candidates[0]).toMatchObject({ personId: keep.body.id, score: 1 });
    expect(byNik.body.candidates.map((c: any) => c.personId)).not.toContain(dup.body.id);
    const old = await match(supA, { fullName: 'Noerhajati Koesoemawardhani', sex: 'female', birth: { kind: 'exact', date } });
    expect(old.body.candidates[0].personId).toBe(keep.body.id);
    expect(old.body.candidates[0].person.caseReferences).toHaveLength(1);

    const audit = await query(`select details from audit_events where action = 'person.merge' and target_id = '${keep.body.id}'`);
    expect(audit).toHaveLength(1);
    expect(audit[0].details).toEqual({ duplicateId: dup.body.id, movedCases: [caseId], movedDocuments: 1 });

    // Merging again, or into the merged record, is refused.
    const again = await supA.post(`/api/v1/persons/${keep.body.id}/merge`, { duplicateId: dup.body.id, version: 2 });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_merged');
    const into = await supA.post(`/api/v1/persons/${dup.body.id}/merge`, { duplicateId: keep.body.id, version: 2 });
    expect(into.status).toBe(409);
    expect(into.body.error.code).toBe('person_merged');
  });

  it('refuses merging into itself, a stale version, another organisation and case workers', async () => {
    const a = await supA.post('/api/v1/persons', { fullName: 'Darmini', sex: 'female' });
    const b = await supA.post('/api/v1/persons', { fullName: 'Darmini', sex: 'female' });
    const self = await supA.post(`/api/v1/persons/${a.body.id}/merge`, { duplicateId: a.body.id, version: 1 });
    expect(self.status).toBe(409);
    expect(self.body.error.code).toBe('merge_into_self');
    const stale = await supA.post(`/api/v1/persons/${a.body.id}/merge`, { duplicateId: b.body.id, version: 7 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect(stale.body.error.current).toMatchObject({ id: a.body.id, version: 1 });
    const foreign = await supB.post('/api/v1/persons', { fullName: 'Darmini', sex: 'female' });
    expect((await supA.post(`/api/v1/persons/${a.body.id}/merge`, { duplicateId: foreign.body.id, version: 1 })).status).toBe(404);
    expect((await supB.post(`/api/v1/persons/${foreign.body.id}/merge`, { duplicateId: a.body.id, version: 1 })).status).toBe(404);
    expect((await workerA.post(`/api/v1/persons/${a.body.id}/merge`, { duplicateId: b.body.id, version: 1 })).status).toBe(403);
    expect((await query(`select count(*)::int as n from persons where id in ('${a.body.id}', '${b.body.id}') and merged_into_id is not null`))[0].n).toBe(0);
  });
});

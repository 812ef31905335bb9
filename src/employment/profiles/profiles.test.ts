// The skills profile through the real server: create, replace with the version, validation that
// names the field, who may read and write it, and what a partner would be shown of it.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCase } from '../../case-records/test-fixtures.js';
import { cases, skillsProfiles } from '../../platform/db/schema.js';
import { rawQuery } from '../../../test/support/database.js';
import { startServer, type TestServer } from '../../../test/support/server.js';
import { profileBody, saveProfile, type Signed } from '../matching/test-fixtures.js';
import { sharedSkillsProfile } from './shared.js';
import { refreshSkillsProfileKeys } from './dal.js';
import { scopeTag } from '../matching/keys.js';

let s: TestServer;
let dinsos: { id: string };
let worker: Signed;
let worker2: Signed;
let supervisor: Signed;
let otherSupervisor: Signed;
let partner: Signed;
let analyst: Signed;
let caseId: string;

const path = (id: string) => `/api/v1/cases/${id}/skills-profile`;
const put = (by: Signed, id: string, body: unknown) => by.request('PUT', path(id), body);

beforeAll(async () => {
  s = await startServer();
  dinsos = await s.org({ type: 'local_government', areaCode: '35' });
  const other = await s.org({ type: 'local_government', areaCode: '32' });
  const company = await s.org({ type: 'private_sector', level: 'regency', partnerKind: 'employer' });
  [worker, worker2, supervisor, otherSupervisor, partner, analyst] = await Promise.all([
    s.signedIn({ organizationId: dinsos.id, roles: ['case_worker'], displayName: 'Pekerja Kasus' }),
    s.signedIn({ organizationId: dinsos.id, roles: ['case_worker'] }),
    s.signedIn({ organizationId: dinsos.id, roles: ['supervisor'] }),
    s.signedIn({ organizationId: other.id, roles: ['supervisor'] }),
    s.signedIn({ organizationId: company.id, roles: ['private_partner'] }),
    s.signedIn({ organizationId: dinsos.id, roles: ['analyst'] }),
  ]);
  const c = await makeCase(s, { organizationId: dinsos.id, createdById: worker.user.id, assignedToId: worker.user.id });
  caseId = c.id;
  await s.database.db.update(cases).set({ provinceCode: '35' }).where(eq(cases.id, caseId));
}, 60_000);

afterAll(async () => {
  await s?.close();
});

describe('skills profile', () => {
  it('is empty until filled, then created with the fields as given, abroad derived, notes encrypted', async () => {
    const empty = await worker.get(path(caseId));
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ profile: null });

    const res = await put(worker, caseId, profileBody({ availableFrom: '2026-12-01' }));
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(1);
    const p = res.body;
    expect(p).toMatchObject({
      caseId,
      seeking: ['employment'],
      workHistory: [
        { country: 'TW', sector: 'T97', occupation: '5322', years: 4, abroad: true },
        { country: 'ID', sector: 'G47', occupation: '5223', years: 1.5, abroad: false },
      ],
      skills: [
        { code: 'elderly_care', level: 'advanced' },
        { code: 'cooking', level: 'intermediate' },
      ],
      languages: ['id', 'jv', 'zh'],
      education: 'junior_secondary',
      certificates: [{ code: 'caregiver', country: 'TW', year: 2023 }],
      preferredSectors: ['Q87'],
      preferredAreaCodes: ['35.07'],
      willingToRelocate: false,
      constraints: ['care_duties'],
      constraintsNote: 'Merawat ibu yang sakit stroke di rumah.',
      availableFrom: '2026-12-01',
      incomeSince: null,
      notes: 'Ingin bekerja dekat rumah, tidak mau ke luar negeri lagi.',
      updatedBy: { id: worker.user.id, displayName: 'Pekerja Kasus' },
      version: 1,
      canUpdate: true,
    });
    expect(p.preferredAreas).toEqual([{ code: '35.07', name: expect.stringMatching(/MALANG/i) }]);

    const [row] = await s.database.db.select().from(skillsProfiles).where(eq(skillsProfiles.caseId, caseId));
    expect(row.organizationId).toBe(dinsos.id);
    expect(row.notesEnc).not.toContain('luar negeri');
    expect(row.constraintsNoteEnc).not.toContain('stroke');
    // The keys the matching index reads: occupation groups, sectors, skills with level, places, constraints.
    expect(row.matchKeys).toEqual(
      expect.arrayContaining(['o:5322', 'o3:532', 'o1:5', 's:T97', 'ss:T', 's:Q87', 'k:elderly_care', 'k:elderly_care:3', 'c:caregiver', 'a:35.07', 'p:35', 'l:zh', 'e:2', 'x:care_duties']),
    );
    expect(row.matchKeys).not.toContain('reloc');

    const again = await worker.get(path(caseId));
    expect(again.body.profile).toMatchObject({ id: p.id, version: 1, notes: p.notes });

    const history = await worker.get(`/api/v1/cases/${caseId}/history`);
    expect(history.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'employment', toValue: 'profile_saved', reasonCode: 'created' })]));
    const audit = await rawQuery(s.database, `select action, details from audit_events where target_id = '${p.id}' or (target_id = '${caseId}' and action like 'case.skillsProfile%')`);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['case.skillsProfile.create', 'case.skillsProfile.read']));
    const text = JSON.stringify(audit);
    expect(text).not.toContain('stroke');
    expect(text).not.toContain('luar negeri');
  });

  it('replaces the profile only at the stored version; a second creation or a stale version is a conflict', async () => {
    const stale = await put(worker, caseId, profileBody({ seeking: ['training'] }));
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect(stale.body.error.current).toMatchObject({ version: 1, seeking: ['employment'] });

    const ok = await put(worker, caseId, profileBody({ version: 1, seeking: ['training', 'self_employment'], willingToRelocate: true, constraints: [], constraintsNote: null, notes: '' }));
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ version: 2, seeking: ['training', 'self_employment'], willingToRelocate: true, constraints: [], constraintsNote: null, notes: null });

    const again = await put(worker, caseId, profileBody({ version: 1 }));
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'version_conflict', current: { version: 2 } });

    const [row] = await s.database.db.select().from(skillsProfiles).where(eq(skillsProfiles.caseId, caseId));
    expect(row.matchKeys).toContain('reloc');
    expect(row.notesEnc).toBeNull();
  });

  it('names each invalid field and writes nothing', async () => {
    const before = (await worker.get(path(caseId))).body.profile.version;
    const bad = await put(
      worker,
      caseId,
      profileBody({
        version: before,
        workHistory: [
          { country: 'XX', sector: 'T97', occupation: '5322', years: 2 },
          { country: 'MY', sector: 'A01', occupation: '9211', years: 2.3 },
        ],
        skills: [
          { code: 'cooking', level: 'basic' },
          { code: 'cooking', level: 'advanced' },
        ],
        certificates: [{ code: 'caregiver', country: 'ZZ', year: 2099 }],
        preferredAreaCodes: ['99.99'],
      }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual({
      'workHistory.0.country': 'unknown_country',
      'workHistory.1.years': 'half_years_only',
      'skills.1.code': 'duplicate',
      'certificates.0.country': 'unknown_country',
      'certificates.0.year': 'in_future',
      preferredAreaCodes: 'unknown_area',
    });

    const next = await put(worker, caseId, profileBody({ version: before, preferredAreaCodes: ['35.07.01.2001'] }));
    expect(next.status).toBe(400);
    expect(next.body.error.fields).toEqual({ preferredAreaCodes: 'area_too_detailed' });

    const codes = await put(
      worker,
      caseId,
      profileBody({ version: before, seeking: ['holiday'], skills: [{ code: 'juggling', level: 'basic' }], workHistory: [{ country: 'TW', sector: 'Z99', occupation: '5322', years: 61 }] }),
    );
    expect(codes.status).toBe(400);
    expect(codes.body.error.fields).toMatchObject({
      seeking: 'invalid_choice',
      'skills.0.code': 'invalid_choice',
      'workHistory.0.sector': 'invalid_choice',
      'workHistory.0.years': 'too_large',
    });
    expect((await worker.get(path(caseId))).body.profile.version).toBe(before);
  });

  it('belongs to the case: another case worker, another organisation, a partner and an analyst get 404; the supervisor may write', async () => {
    for (const who of [worker2, otherSupervisor, partner, analyst]) {
      expect((await who.get(path(caseId))).status).toBe(404);
      expect((await put(who, caseId, profileBody({ version: 3 }))).status).toBe(404);
    }
    expect((await worker.get(path('00000000-0000-4000-8000-000000000000'))).status).toBe(404);
    const read = await supervisor.get(path(caseId));
    expect(read.status).toBe(200);
    const res = await put(supervisor, caseId, profileBody({ version: read.body.profile.version }));
    expect(res.status).toBe(200);
    expect(res.body.updatedBy.id).toBe(supervisor.user.id);
    const denied = await rawQuery(s.database, `select count(*)::int as n from audit_events where action = 'permission.denied' and target_id = '${caseId}'`);
    expect(Number(denied[0].n)).toBeGreaterThanOrEqual(8);
  });

  it('is read-only on a closed case', async () => {
    const c = await makeCase(s, { organizationId: dinsos.id, createdById: worker.user.id, assignedToId: worker.user.id });
    await saveProfile(worker, c.id);
    await s.database.db.update(cases).set({ stage: 'closed' }).where(eq(cases.id, c.id));
    const got = await worker.get(path(c.id));
    expect(got.body.profile.canUpdate).toBe(false);
    const res = await put(worker, c.id, profileBody({ version: 1 }));
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('case_closed');
  });

  it('shares only the work-related part: never the constraints or the notes', async () => {
    const c = await makeCase(s, { organizationId: dinsos.id, createdById: worker.user.id, assignedToId: worker.user.id });
    expect(await sharedSkillsProfile(s.database.db, c.id)).toBeNull();
    await saveProfile(worker, c.id, { availableFrom: '2027-01-02' });
    const shared = await sharedSkillsProfile(s.database.db, c.id);
    expect(shared).toEqual({
      seeking: ['employment'],
      workHistory: [
        { country: 'TW', sector: 'T97', occupation: '5322', years: 4, abroad: true },
        { country: 'ID', sector: 'G47', occupation: '5223', years: 1.5, abroad: false },
      ],
      skills: [
        { code: 'elderly_care', level: 'advanced' },
        { code: 'cooking', level: 'intermediate' },
      ],
      languages: ['id', 'jv', 'zh'],
      education: 'junior_secondary',
      certificates: [{ code: 'caregiver', country: 'TW', year: 2023 }],
      preferredSectors: ['Q87'],
      preferredAreaCodes: ['35.07'],
      willingToRelocate: false,
      availableFrom: '2027-01-02',
    });
    expect(JSON.stringify(shared)).not.toMatch(/care_duties|stroke|luar negeri/);
  });

  it('follows its case to another organisation: organisation and scoped keys refreshed', async () => {
    const c = await makeCase(s, { organizationId: dinsos.id, createdById: worker.user.id, assignedToId: worker.user.id });
    await saveProfile(worker, c.id);
    const before = (await s.database.db.select().from(skillsProfiles).where(eq(skillsProfiles.caseId, c.id)))[0];
    expect(before.matchKeys).toContain(`j.${scopeTag(dinsos.id)}|o:5322`);
    const other = await s.org({ type: 'ngo' });
    await s.database.db.update(cases).set({ organizationId: other.id, provinceCode: '32' }).where(eq(cases.id, c.id));
    await refreshSkillsProfileKeys(s.database.db, c.id);
    const after = (await s.database.db.select().from(skillsProfiles).where(eq(skillsProfiles.caseId, c.id)))[0];
    expect(after.organizationId).toBe(other.id);
    expect(after.version).toBe(before.version);
    expect(after.matchKeys).toContain(`j.${scopeTag(other.id)}|o:5322`);
    expect(after.matchKeys).toContain('p:32');
    expect(after.matchKeys.some((k) => k.includes(scopeTag(dinsos.id)))).toBe(false);
  });
});

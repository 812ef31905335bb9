import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawQuery } from '../../test/support/database.js';
import { startServer, type Client, type TestServer, type TestUser } from '../../test/support/server.js';
import { activeConsent } from './consents.js';
import { makeCase, sendRaw, tinyPdf } from './test-fixtures.js';

type Signed = Client & { user: TestUser };
let s: TestServer;
let worker: Signed;
let caseId: string;
let childCaseId: string;
let ngo: { id: string; name: string };
let otherCaseAttachment: string;
const query = (text: string) => rawQuery(s.database, text) as Promise<Record<string, any>[]>;
const path = (c = caseId) => `/api/v1/cases/${c}/consents`;
const count = async () => (await query(`select count(*)::int as n from case_consents`))[0].n as number;
const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();

const signed = { purpose: 'case_management', decision: 'given', method: 'signed', givenBy: 'Siti Rahayu', givenAt: hoursAgo(48) };

beforeAll(async () => {
  s = await startServer();
  const org = await s.org();
  ngo = await s.org({ type: 'ngo' });
  worker = await s.signedIn({ organizationId: org.id, roles: ['case_worker'] });
  caseId = (await makeCase(s, { organizationId: org.id, createdById: worker.user.id, birthDate: '1994-05-17' })).id;
  childCaseId = (await makeCase(s, { organizationId: org.id, createdById: worker.user.id, birthDate: '2012-02-03' })).id;
  const other = await makeCase(s, { organizationId: org.id, createdById: worker.user.id });
  otherCaseAttachment = (await sendRaw(worker, 'POST', `/api/v1/cases/${other.id}/attachments?category=consent_form`, tinyPdf(), 'application/pdf')).body.id;
});
afterAll(() => s?.close());

describe('recording consent', () => {
  it('records a signed consent with evidence, the names encrypted', async () => {
    const form = await sendRaw(worker, 'POST', `/api/v1/cases/${caseId}/attachments?category=consent_form&fileName=persetujuan.pdf`, tinyPdf(), 'application/pdf');
    expect(form.status).toBe(201);
    const res = await worker.post(path(), { ...signed, evidenceAttachmentId: form.body.id });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      purpose: 'case_management',
      decision: 'given',
      method: 'signed',
      givenBy: 'Siti Rahayu',
      witness: null,
      evidenceAttachmentId: form.body.id,
      recordedBy: { id: worker.user.id },
      withdrawnAt: null,
      active: true,
    });
    const [row] = await query(`select given_by_enc from case_consents where id = '${res.body.id}'`);
    expect(row.given_by_enc).not.toContain('Siti');
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const n = await count();
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{ method: 'verbal_witnessed' }, { witness: 'witness_required' }],
      [{ givenAt: new Date(Date.now() + 86_400_000).toISOString() }, { givenAt: 'in_future' }],
      [{ purpose: 'referral_sharing' }, { recipientOrganizationId: 'required' }],
      [{ purpose: 'referral_sharing', recipientOrganizationId: ngo.id, recipientOrganizationType: 'ngo' }, { recipientOrganizationType: 'not_allowed' }],
      [{ purpose: 'referral_sharing', recipientOrganizationId: '4f1c9a2e-8f43-4c55-9d8e-0c1f2a3b4c5d' }, { recipientOrganizationId: 'unknown_organization' }],
      [{ recipientOrganizationType: 'ngo' }, { recipientOrganizationType: 'not_allowed' }],
      [{ sharedFields: ['name'] }, { sharedFields: 'not_allowed' }],
      [{ method: 'guardian', givenBy: 'Ibu kandung' }, { method: 'guardian_only_for_child' }],
      [{ evidenceAttachmentId: otherCaseAttachment }, { evidenceAttachmentId: 'unknown_attachment' }],
      [{ purpose: 'marketing' }, { purpose: 'invalid_choice' }],
      [{ decision: 'maybe' }, { decision: 'invalid_choice' }],
      [{ givenAt: '2026-01-01' }, { givenAt: 'invalid_format' }],
    ];
    for (const [change, fields] of cases) {
      const res = await worker.post(path(), { ...signed, ...change });
      expect(res.status, JSON.stringify(change)).toBe(400);
      expect(res.body.error.fields, JSON.stringify(change)).toEqual(fields);
    }
    const guardianNoName = await worker.post(path(childCaseId), { ...signed, method: 'guardian', givenBy: null });
    expect(guardianNoName.body.error.fields).toEqual({ givenBy: 'required' });
    expect(await count()).toBe(n);
  });

  it('accepts verbal consent with a witness, and a guardian’s consent for a child', async () => {
    const verbal = await worker.post(path(), { ...signed, purpose: 'follow_up_contact', method: 'verbal_witnessed', witness: 'Pak RT Sukardi' });
    expect(verbal.status).toBe(201);
    expect(verbal.body.witness).toBe('Pak RT Sukardi');
    const guardian = await worker.post(path(childCaseId), { ...signed, method: 'guardian', givenBy: 'Ibu kandung' });
    expect(guardian.status).toBe(201);
  });
});

describe('withdrawal and the consent in force', () => {
  it('a referral consent for a type of organisation applies to its members, one naming an organisation to it alone', async () => {
    const byType = await worker.post(path(), {
      ...signed,
      purpose: 'referral_sharing',
      recipientOrganizationType: 'ngo',
      sharedFields: ['name', 'needs'],
      givenAt: hoursAgo(30),
    });
    expect(byType.status).toBe(201);
    expect(byType.body).toMatchObject({ recipientOrganizationType: 'ngo', recipientOrganizationId: null, sharedFields: ['name', 'needs'], active: true });
    const db = s.database.db;
    expect((await activeConsent(db, caseId, 'referral_sharing', { organizationId: ngo.id, organizationType: 'ngo' }))?.id).toBe(byType.body.id);
    expect(await activeConsent(db, caseId, 'referral_sharing', { organizationId: ngo.id, organizationType: 'ministry' })).toBeNull();

    // A refusal naming this organisation overrides the consent for its type.
    const refusal = await worker.post(path(), { ...signed, purpose: 'referral_sharing', recipientOrganizationId: ngo.id, decision: 'refused', givenAt: hoursAgo(20) });
    expect(refusal.body).toMatchObject({ recipientOrganizationName: ngo.name, active: false });
    expect(await activeConsent(db, caseId, 'referral_sharing', { organizationId: ngo.id, organizationType: 'ngo' })).toBeNull();
    const otherNgo = await s.org({ type: 'ngo' });
    expect((await activeConsent(db, caseId, 'referral_sharing', { organizationId: otherNgo.id, organizationType: 'ngo' }))?.id).toBe(byType.body.id);
  });

  it('a later refusal for the same purpose overrides an earlier consent', async () => {
    const db = s.database.db;
    const before = await activeConsent(db, caseId, 'follow_up_contact');
    expect(before?.method).toBe('verbal_witnessed');
    await worker.post(path(), { ...signed, purpose: 'follow_up_contact', decision: 'refused', givenAt: hoursAgo(1) });
    expect(await activeConsent(db, caseId, 'follow_up_contact')).toBeNull();
    const list = await worker.get(path());
    const followUps = list.body.items.filter((c: any) => c.purpose === 'follow_up_contact');
    expect(followUps.map((c: any) => [c.decision, c.active])).toEqual([
      ['refused', false],
      ['given', false],
    ]);
  });

  it('withdrawal takes effect at once, with reason, who and when; a second one is a conflict', async () => {
    const db = s.database.db;
    const current = await activeConsent(db, caseId, 'case_management');
    expect(current).not.toBeNull();
    const res = await worker.post(`${path()}/${current!.id}/withdraw`, { reason: 'Tidak ingin dihubungi lagi oleh lembaga.' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ active: false, withdrawnBy: { id: worker.user.id }, withdrawalReason: 'Tidak ingin dihubungi lagi oleh lembaga.' });
    expect(res.body.withdrawnAt).not.toBeNull();
    expect(await activeConsent(db, caseId, 'case_management')).toBeNull();
    const [row] = await query(`select withdrawal_reason_enc from case_consents where id = '${current!.id}'`);
    expect(row.withdrawal_reason_enc).not.toContain('dihubungi');

    const again = await worker.post(`${path()}/${current!.id}/withdraw`, { reason: 'lagi' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_withdrawn');
    const audits = await query(`select count(*)::int as n from audit_events where action = 'case.consent.withdraw' and target_id = '${current!.id}'`);
    expect(audits[0].n).toBe(1);
  });

  it('refuses to withdraw a refusal, a withdrawal without a reason, and an unknown consent', async () => {
    const list = await worker.get(path());
    const refused = list.body.items.find((c: any) => c.decision === 'refused');
    const res = await worker.post(`${path()}/${refused.id}/withdraw`, { reason: 'x' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('consent_not_given');
    const given = list.body.items.find((c: any) => c.decision === 'given' && !c.withdrawnAt);
    const noReason = await worker.post(`${path()}/${given.id}/withdraw`, { reason: ' ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields).toEqual({ reason: 'required' });
    expect((await worker.post(`${path(childCaseId)}/${given.id}/withdraw`, { reason: 'x' })).status).toBe(404);
  });

  it('keeps the evidence of a consent from being deleted', async () => {
    const list = await worker.get(path());
    const withEvidence = list.body.items.find((c: any) => c.evidenceAttachmentId);
    const res = await worker.delete(`/api/v1/cases/${caseId}/attachments/${withEvidence.evidenceAttachmentId}`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('attachment_in_use');
  });
});

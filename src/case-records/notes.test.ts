import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawQuery } from '../../test/support/database.js';
import { startServer, type Client, type TestServer, type TestUser } from '../../test/support/server.js';
import { caseNotes } from '../platform/db/schema.js';
import { shapeNote } from './notes.js';
import { noteSchema } from './schema.js';
import { makeCase } from './test-fixtures.js';

type Signed = Client & { user: TestUser };
let s: TestServer;
let worker: Signed;
let supervisor: Signed;
let caseId: string;
const query = (text: string) => rawQuery(s.database, text) as Promise<Record<string, any>[]>;
const path = () => `/api/v1/cases/${caseId}/notes`;
const count = async () => (await query(`select count(*)::int as n from case_notes where case_id = '${caseId}'`))[0].n as number;
const caseRow = async () => (await query(`select last_contact_at, priority_reasons from cases where id = '${caseId}'`))[0];

beforeAll(async () => {
  s = await startServer();
  const org = await s.org();
  worker = await s.signedIn({ organizationId: org.id, roles: ['case_worker'] });
  supervisor = await s.signedIn({ organizationId: org.id, roles: ['supervisor'] });
  caseId = (await makeCase(s, { organizationId: org.id, createdById: worker.user.id, assignedToId: worker.user.id })).id;
});
afterAll(() => s?.close());

describe('notes', () => {
  let contactNoteId: string;

  it('adds a contact note with its body encrypted; its contact time becomes the case’s last contact', async () => {
    const at = new Date(Date.now() - 3 * 3600_000).toISOString();
    const res = await worker.post(path(), { type: 'home_visit', body: 'Kunjungan rumah di Indramayu, keluarga menerima.', contactAt: at });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ type: 'home_visit', sensitive: false, restricted: false, body: 'Kunjungan rumah di Indramayu, keluarga menerima.', version: 1 });
    expect(new Date(res.body.contactAt).toISOString()).toBe(at);
    expect(res.body.author.id).toBe(worker.user.id);
    contactNoteId = res.body.id;
    const [row] = await query(`select body_enc from case_notes where id = '${contactNoteId}'`);
    expect(row.body_enc).not.toContain('Indramayu');
    expect(new Date((await caseRow()).last_contact_at).toISOString()).toBe(at);
  });

  it('gives a contact note without a time the current time, and a non-contact note none', async () => {
    const phone = await worker.post(path(), { type: 'phone_call', body: 'Telepon ke ibu.' });
    expect(Date.now() - new Date(phone.body.contactAt).getTime()).toBeLessThan(60_000);
    expect(Math.abs(new Date((await caseRow()).last_contact_at).getTime() - new Date(phone.body.contactAt).getTime())).toBeLessThan(1000);
    const obs = await worker.post(path(), { type: 'observation', body: 'Tampak cemas.' });
    expect(obs.body.contactAt).toBeNull();
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const n = await count();
    const future = await worker.post(path(), { type: 'contact', body: 'x', contactAt: new Date(Date.now() + 86_400_000).toISOString() });
    expect(future.status).toBe(400);
    expect(future.body.error.fields).toEqual({ contactAt: 'in_future' });
    const notContact = await worker.post(path(), { type: 'case_conference', body: 'x', contactAt: new Date().toISOString() });
    expect(notContact.body.error.fields).toEqual({ contactAt: 'not_allowed' });
    const empty = await worker.post(path(), { type: 'contact', body: '   ' });
    expect(empty.body.error.fields).toEqual({ body: 'required' });
    const type = await worker.post(path(), { type: 'gossip', body: 'x' });
    expect(type.body.error.fields).toEqual({ type: 'invalid_choice' });
    expect(await count()).toBe(n);
  });

  it('lets the author change a note with the version, refuses a stale version and anyone else', async () => {
    const res = await worker.patch(`${path()}/${contactNoteId}`, { version: 1, body: 'Kunjungan rumah di Indramayu; keluarga menerima dengan baik.' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: 2, body: 'Kunjungan rumah di Indramayu; keluarga menerima dengan baik.' });
    const stale = await worker.patch(`${path()}/${contactNoteId}`, { version: 1, body: 'lama' });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'version_conflict', current: { version: 2 } });
    const other = await supervisor.patch(`${path()}/${contactNoteId}`, { version: 2, body: 'ditulis ulang' });
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('not_author');
    const [row] = await query(`select version, body_enc from case_notes where id = '${contactNoteId}'`);
    expect(row.version).toBe(2);
    expect(s.cipher.decrypt(row.body_enc)).toContain('dengan baik');
  });

  it('shows a sensitive note to its author, the assigned case worker and supervisors', async () => {
    const res = await supervisor.post(path(), { type: 'observation', sensitive: true, body: 'Ada indikasi kekerasan seksual; jangan dibahas di depan keluarga.' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ sensitive: true, restricted: false });
    for (const reader of [supervisor, worker]) {
      const list = await reader.get(path());
      const note = list.body.items.find((n: any) => n.id === res.body.id);
      expect(note).toMatchObject({ sensitive: true, restricted: false, body: expect.stringContaining('kekerasan') });
    }
    const sup2 = await s.signedIn({ organizationId: worker.user.organizationId, roles: ['supervisor'] });
    const list = await sup2.get(path());
    expect(list.body.items.find((n: any) => n.id === res.body.id).restricted).toBe(false);
  });

  it('shows others only a restricted stub of a sensitive note', async () => {
    const [row] = await s.database.db.select().from(caseNotes).where(eq(caseNotes.sensitive, true));
    const stranger = { userId: '00000000-0000-4000-8000-000000000001', organizationId: row.caseId, roles: ['case_worker'] as const, kind: 'person' as const };
    const stub = shapeNote(s.cipher, stranger, false, row, { id: row.authorId!, displayName: 'Penulis' });
    expect(stub).toEqual({ id: row.id, type: 'observation', sensitive: true, restricted: true, author: { id: row.authorId, displayName: 'Penulis' }, createdAt: row.createdAt });
    // The response schema lets the stub through as it is, and would strip a body slipped into it.
    expect(noteSchema.parse(stub)).toEqual(stub);
    expect(noteSchema.parse({ ...stub, body: 'bocor' })).not.toHaveProperty('body');
    // Its author and a holder of case.readSensitive see it whole.
    expect(shapeNote(s.cipher, { ...stranger, userId: row.authorId! }, false, row, null)).toMatchObject({ restricted: false, body: expect.any(String) });
    expect(shapeNote(s.cipher, stranger, true, row, null)).toMatchObject({ restricted: false });
  });

  it('lists newest first with paging and audits the read', async () => {
    const page = await worker.get(`${path()}?limit=2&offset=0`);
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBe(await count());
    const times = page.body.items.map((n: any) => new Date(n.createdAt).getTime());
    expect(times[0]).toBeGreaterThanOrEqual(times[1]);
    const audits = await query(`select details from audit_events where action = 'case.notes.read' and target_id = '${caseId}'`);
    expect(audits.length).toBeGreaterThan(0);
    expect(JSON.stringify(audits)).not.toMatch(/Indramayu|kekerasan/);
  });
});

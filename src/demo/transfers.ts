// Demo case transfer and closure: BP3MI Jawa Timur received a returning domestic worker at Juanda
// and, with her consent, proposes handing her case to the provincial social office near her home
// (the Dinsos supervisor finds it among the decisions waiting); and the Dinsos case worker asks to
// close one of her cases in monitoring (the supervisor sees the request and its checklist). The
// person is invented (a real village code of Kabupaten Blitar); everything goes through the same
// service functions the API uses, so every encrypted column, event and audit entry is what the
// application would have written.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import * as consents from '../case-records/consents.js';
import * as needs from '../case-records/needs.js';
import * as notes from '../case-records/notes.js';
import { addDays } from '../synthetic/dates.js';
import { todayInJakarta } from '../cases/derived.js';
import { caseCreate, transitionInput } from '../cases/schema.js';
import { create as createCase, transition } from '../cases/service.js';
import * as closure from '../closure/service.js';
import type { BlindIndex } from '../platform/crypto/blind-index.js';
import type { FieldCipher } from '../platform/crypto/fields.js';
import type { Db } from '../platform/db/client.js';
import { caseClosures, cases, caseTransfers, users } from '../platform/db/schema.js';
import { createCtx, type Ctx } from '../platform/http/context.js';
import type { Actor } from '../policy/policy.js';
import { propose } from '../transfers/service.js';

let n = 0;
const ctxOf = (db: Db, actor: Actor): Ctx => createCtx(db, { actor, ip: '127.0.0.1', id: `demo-transfers-${n++}`, headers: { 'user-agent': 'pulang-demo-seed' } } as never);

async function actor(db: Db, organizationId: string, email: string): Promise<Actor> {
  const [u] = await db
    .select({ id: users.id, roles: users.roles })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.email, email)));
  if (!u) throw new Error(`seedDemoTransfers: ${email} must exist in its organisation first`);
  return { userId: u.id, organizationId, roles: u.roles as Actor['roles'], kind: 'person' };
}

/** Panggungduwet, Kademangan, Kabupaten Blitar, Jawa Timur. */
export const DEMO_TRANSFER_VILLAGE = '35.05.04.2001';

/**
 * Seeds the BP3MI case and its proposed transfer to the social office, and one pending closure
 * request on an open case of the social office held by its case worker (the first in `dinsosCaseIds`
 * order in monitoring, else in reintegration). Call after seedDemoCases (for the Dinsos cases).
 * Returns the IDs.
 */
export async function seedDemoTransfers(
  db: Db,
  cipher: FieldCipher,
  lookup: BlindIndex,
  ids: { bp3miId: string; dinsosId: string; dinsosCaseIds: string[] },
): Promise<{ bp3miCaseId: string; transferId: string; closureId: string | null }> {
  const today = todayInJakarta();
  const deps = { cipher, lookup };
  const worker = await actor(db, ids.bp3miId, 'caseworker.bp3mi@demo.pulang.example');

  // The case BP3MI registered at the airport: a domestic worker back from Johor after her wages went unpaid.
  let c = await createCase(
    ctxOf(db, worker),
    deps,
    caseCreate.parse({
      person: {
        fullName: 'Rina Marlina',
        otherNames: ['Rina Marlina binti Sutrisno'],
        sex: 'female',
        birth: { kind: 'exact', date: '1993-03-14' },
        nationality: 'ID',
        languages: ['jv', 'id', 'ms'],
        documents: [{ type: 'nik', number: '3505045403930217' }],
        phones: ['+6285736104482'],
        homeVillageCode: DEMO_TRANSFER_VILLAGE,
        homeAddress: 'Dusun Krajan RT 02 RW 04, Desa Panggungduwet',
        emergencyContact: { name: 'Sutrisno', relationship: 'Ayah', phone: '+6281330572291' },
      },
      caseType: 'vulnerable_migrant',
      direction: 'inbound',
      destinationCountries: ['MY'],
      riskLevel: 'medium',
      summary: 'Pekerja rumah tangga di Johor Bahru; gaji tujuh bulan tidak dibayar, dipulangkan melalui Bandara Juanda.',
      assignToMe: true,
    }),
  );
  for (const to of ['screening', 'assessment'] as const) c = await transition(ctxOf(db, worker), deps, c.id, transitionInput.parse({ version: c.version, to }));
  const as = () => ctxOf(db, worker);
  await consents.create(as(), cipher, c.id, {
    purpose: 'case_management',
    decision: 'given',
    method: 'signed',
    givenBy: 'Rina Marlina',
    givenAt: `${addDays(today, -6)}T09:15:00+07:00`,
    sharedFields: [],
  });
  await consents.create(as(), cipher, c.id, {
    purpose: 'case_transfer',
    recipientOrganizationId: ids.dinsosId,
    decision: 'given',
    method: 'signed',
    givenBy: 'Rina Marlina',
    givenAt: `${addDays(today, -2)}T10:00:00+07:00`,
    sharedFields: [],
  });
  await needs.create(as(), cipher, c.id, { type: 'livelihood', severity: 'high', description: 'Ingin membuka usaha jahit di rumah; punya pengalaman menjahit.' });
  await needs.create(as(), cipher, c.id, { type: 'counselling', severity: 'moderate', description: null });
  await notes.create(as(), cipher, c.id, {
    type: 'contact',
    sensitive: false,
    body: 'Diterima di Terminal 2 Juanda pukul 14.20; kondisi sehat, lelah. Dijemput ayahnya ke Blitar.',
    contactAt: `${addDays(today, -6)}T14:20:00+07:00`,
  });
  await notes.create(as(), cipher, c.id, {
    type: 'phone_call',
    sensitive: false,
    body: 'Sudah di rumah. Setuju kasusnya dilanjutkan oleh Dinas Sosial Provinsi yang lebih dekat.',
    contactAt: `${addDays(today, -2)}T09:40:00+07:00`,
  });
  const transfer = await propose(as(), cipher, c.id, {
    toOrganizationId: ids.dinsosId,
    reason: 'Sudah kembali ke Kabupaten Blitar. Pendampingan reintegrasi (usaha jahit dan konseling) lebih dekat dilakukan oleh Dinas Sosial Provinsi Jawa Timur.',
    senderKeepsView: true,
  });

  // One closure request waiting for the Dinsos supervisor.
  const dinsosWorker = await actor(db, ids.dinsosId, 'caseworker@demo.pulang.example');
  let closureId: string | null = null;
  if (ids.dinsosCaseIds.length) {
    const open = await db
      .select({ id: cases.id, stage: cases.stage })
      .from(cases)
      .leftJoin(caseClosures, and(eq(caseClosures.caseId, cases.id), eq(caseClosures.status, 'pending')))
      .leftJoin(caseTransfers, and(eq(caseTransfers.caseId, cases.id), eq(caseTransfers.status, 'proposed')))
      .where(
        and(
          inArray(cases.id, ids.dinsosCaseIds),
          inArray(cases.stage, ['monitoring', 'reintegration']),
          eq(cases.assignedToId, dinsosWorker.userId),
          isNull(caseClosures.id),
          isNull(caseTransfers.id),
        ),
      )
      .orderBy(asc(cases.openedAt));
    const order = new Map(ids.dinsosCaseIds.map((id, i) => [id, i]));
    const pick = open.sort((a, b) => (a.stage === b.stage ? order.get(a.id)! - order.get(b.id)! : a.stage === 'monitoring' ? -1 : 1))[0];
    if (pick) {
      const r = await closure.request(ctxOf(db, dinsosWorker), cipher, pick.id, {
        closureReason: 'reintegrated',
        reason: 'Sudah membuka warung makan bersama suami; penghasilan cukup dan keluarga mendukung. Tidak ada kebutuhan yang tersisa.',
      });
      closureId = r.id;
    }
  }
  return { bp3miCaseId: c.id, transferId: transfer.id, closureId };
}

// Demo legal tracks for the social-affairs office's case worker: one moving (a police report six
// weeks ago, an investigation opened, a summons last week) and one stalled (reported to a regional
// police office, under investigation, and no news for 75 days), so that the stalled warning and the
// list of stalled tracks have something to show. Written through the same service the API uses; the
// stalled one then has its clock set back in the database, as time would have.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { todayInJakarta } from '../cases/derived.js';
import { addDays } from '../reintegration/sustainability/schedule.js';
import { addEvent, create } from '../legal/service.js';
import { legalTrackCreate } from '../legal/schema.js';
import type { FieldCipher } from '../platform/crypto/fields.js';
import type { Db } from '../platform/db/client.js';
import { cases, legalEvents, legalTracks, users } from '../platform/db/schema.js';
import { createCtx, type Ctx } from '../platform/http/context.js';
import type { Actor } from '../policy/policy.js';

let n = 0;
const ctxOf = (db: Db, actor: Actor): Ctx => createCtx(db, { actor, ip: '127.0.0.1', id: `demo-legal-${n++}`, headers: { 'user-agent': 'pulang-demo-seed' } } as never);

/** Days without news of the stalled demo track. */
export const DEMO_STALLED_DAYS = 75;

/**
 * Records the two demo legal tracks on open cases of the demo case worker in `organizationId`
 * (trafficking cases first), in the order of `caseIds`, skipping `skipCaseIds` (those the survey
 * demo took, say). Call after seedDemoCases. Returns the case IDs by kind.
 */
export async function seedDemoLegal(
  db: Db,
  cipher: FieldCipher,
  opts: { organizationId: string; caseIds: string[]; skipCaseIds?: string[] },
): Promise<{ active?: string; stalled?: string }> {
  const [u] = await db
    .select({ id: users.id, roles: users.roles })
    .from(users)
    .where(and(eq(users.organizationId, opts.organizationId), eq(users.email, 'caseworker@demo.pulang.example')));
  if (!u) throw new Error('seedDemoLegal: the demo case worker must exist first');
  const worker: Actor = { userId: u.id, organizationId: opts.organizationId, roles: u.roles as Actor['roles'], kind: 'person' };
  const rows = opts.caseIds.length
    ? await db
        .select({ id: cases.id, stage: cases.stage, caseType: cases.caseType, assignedToId: cases.assignedToId })
        .from(cases)
        .where(and(inArray(cases.id, opts.caseIds), eq(cases.organizationId, opts.organizationId)))
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const skip = new Set(opts.skipCaseIds ?? []);
  const open = opts.caseIds
    .map((id) => byId.get(id))
    .filter((r) => !!r && r.assignedToId === worker.userId && r.stage !== 'closed' && r.stage !== 'intake' && !skip.has(r.id));
  const trafficking = open.filter((r) => r!.caseType === 'presumed_victim' || r!.caseType === 'victim_of_trafficking');
  const [activeCase, stalledCase] = [...trafficking, ...open.filter((r) => !trafficking.includes(r))];
  const today = todayInJakarta();
  const out: { active?: string; stalled?: string } = {};

  if (activeCase) {
    await create(
      ctxOf(db, worker),
      cipher,
      activeCase.id,
      legalTrackCreate.parse({
        policeReportNumber: 'LP/B/214/III/2026/SPKT/POLDA JAWA TIMUR',
        policeReportedOn: addDays(today, -42),
        investigatingAgency: 'polda',
        investigatingUnit: 'Subdit IV Renakta Ditreskrimum Polda Jawa Timur',
        restitutionClaimedIdr: 65_000_000,
        protectionStatus: 'requested',
        protectionNote: 'Permohonan perlindungan saksi dan korban diajukan ke LPSK bersama pendamping hukum.',
      }),
    );
    await addEvent(ctxOf(db, worker), cipher, activeCase.id, {
      kind: 'stage',
      toStage: 'investigation',
      happenedOn: addDays(today, -21),
      note: 'Penyidik menerbitkan surat perintah penyidikan; dua saksi sudah diperiksa.',
    });
    await addEvent(ctxOf(db, worker), cipher, activeCase.id, {
      kind: 'update',
      toStage: null,
      happenedOn: addDays(today, -6),
      note: 'Korban dipanggil untuk pemeriksaan tambahan; didampingi pendamping kasus dan penerjemah.',
    });
    out.active = activeCase.id;
  }

  if (stalledCase) {
    const track = await create(
      ctxOf(db, worker),
      cipher,
      stalledCase.id,
      legalTrackCreate.parse({
        policeReportNumber: 'LP/B/88/I/2026/SPKT/POLRES MALANG',
        policeReportedOn: addDays(today, -130),
        investigatingAgency: 'polres',
        investigatingUnit: 'Unit PPA Satreskrim Polres Malang',
        restitutionClaimedIdr: 40_000_000,
        protectionStatus: 'none',
      }),
    );
    await addEvent(ctxOf(db, worker), cipher, stalledCase.id, {
      kind: 'stage',
      toStage: 'investigation',
      happenedOn: addDays(today, -DEMO_STALLED_DAYS - 5),
      note: 'Berkas perkara dalam penyidikan; perekrut belum ditemukan.',
    });
    // Time passes without news: the clock goes back to the last step.
    const silentSince = sql`now() - make_interval(days => ${DEMO_STALLED_DAYS})`;
    await db.update(legalTracks).set({ lastUpdateAt: silentSince, updatedAt: silentSince }).where(eq(legalTracks.id, track.id));
    await db.update(legalEvents).set({ at: silentSince }).where(eq(legalEvents.trackId, track.id));
    out.stalled = stalledCase.id;
  }
  return out;
}

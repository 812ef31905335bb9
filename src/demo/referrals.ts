// Demo referrals from the social-affairs office's cases to the demo NGO, so that the NGO's focal
// point has an inbox: one awaiting an answer, one overdue (acknowledged, never answered), one
// accepted and one completed (within its grace period). Each case first gets a referral_sharing
// consent naming the NGO; everything goes through the same service functions the API uses, with
// the moments of sending and answering set in the past.
import { and, asc, eq, inArray } from 'drizzle-orm';
import * as consents from '../case-records/consents.js';
import { openNeeds } from '../case-records/needs.js';
import { todayInJakarta } from '../cases/derived.js';
import { addDays } from '../synthetic/dates.js';
import { termByCode, termsForNeed } from '../directory/taxonomy.js';
import type { FieldCipher } from '../platform/crypto/fields.js';
import type { Db } from '../platform/db/client.js';
import { cases, services, users } from '../platform/db/schema.js';
import { createCtx, type Ctx } from '../platform/http/context.js';
import type { Actor } from '../policy/policy.js';
import { referralCreate, referralTransition } from '../referrals/schema.js';
import { send, transition } from '../referrals/service.js';
import type { ReferralStatus } from '../referrals/vocabulary.js';

const hour = 3_600_000;
const ago = (hours: number) => new Date(Date.now() - hours * hour);

interface Plan {
  key: 'awaiting' | 'overdue' | 'accepted' | 'completed';
  urgency: 'emergency' | 'urgent' | 'routine';
  sentHoursAgo: number;
  message: string;
  /** Moves by the focal point: to, hours ago, and what the move needs. */
  moves: { to: ReferralStatus; hoursAgo: number; outcome?: 'delivered'; note?: string }[];
}

const plans: Plan[] = [
  { key: 'awaiting', urgency: 'urgent', sentHoursAgo: 6, message: 'Mohon segera dihubungi melalui pendamping kasus; ia lebih nyaman berbicara dalam bahasa daerahnya.', moves: [] },
  {
    key: 'overdue',
    urgency: 'routine',
    sentHoursAgo: 9 * 24,
    message: 'Mohon kabar apakah lembaga Anda dapat membantu kebutuhan ini dalam bulan ini.',
    moves: [{ to: 'acknowledged', hoursAgo: 8 * 24, note: 'Sudah kami terima, akan dibahas dalam rapat tim.' }],
  },
  {
    key: 'accepted',
    urgency: 'urgent',
    sentHoursAgo: 3 * 24,
    message: 'Baru pulang dan ingin mulai secepatnya; keluarga mendukung.',
    moves: [{ to: 'accepted', hoursAgo: 2 * 24, note: 'Pertemuan pertama dijadwalkan minggu ini di kantor kami.' }],
  },
  {
    key: 'completed',
    urgency: 'routine',
    sentHoursAgo: 25 * 24,
    message: 'Mohon pendampingan sampai kebutuhan ini terpenuhi.',
    moves: [
      { to: 'accepted', hoursAgo: 23 * 24 },
      { to: 'in_progress', hoursAgo: 20 * 24 },
      { to: 'completed', hoursAgo: 3 * 24, outcome: 'delivered', note: 'Layanan selesai diberikan; tindak lanjut diserahkan kembali ke pendamping kasus.' },
    ],
  },
];

async function userByEmail(db: Db, organizationId: string, email: string): Promise<Actor> {
  const [u] = await db
    .select({ id: users.id, roles: users.roles })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.email, email)));
  if (!u) throw new Error(`seedDemoReferrals: ${email} must exist in its organisation first`);
  return { userId: u.id, organizationId, roles: u.roles as Actor['roles'], kind: 'person' };
}

let n = 0;
const ctxOf = (db: Db, actor: Actor): Ctx => createCtx(db, { actor, ip: '127.0.0.1', id: `demo-referrals-${n++}`, headers: { 'user-agent': 'pulang-demo-seed' } } as never);

/**
 * Sends the demo referrals from cases of `fromOrganizationId` (the demo case worker's open cases
 * with open needs, taken in the order of `caseIds`) to `toOrganizationId`, and answers them as
 * its focal point. Call after seedDemoCases (and after the directory, so that a matching service
 * of the NGO is named when there is one). Returns the referral IDs by plan.
 */
export async function seedDemoReferrals(
  db: Db,
  cipher: FieldCipher,
  opts: { fromOrganizationId: string; toOrganizationId: string; caseIds: string[] },
): Promise<Record<string, string>> {
  const worker = await userByEmail(db, opts.fromOrganizationId, 'caseworker@demo.pulang.example');
  const focal = await userByEmail(db, opts.toOrganizationId, 'focalpoint@demo.pulang.example');
  const rows = opts.caseIds.length
    ? await db
        .select({ id: cases.id, stage: cases.stage, assignedToId: cases.assignedToId })
        .from(cases)
        .where(and(inArray(cases.id, opts.caseIds), eq(cases.organizationId, opts.fromOrganizationId)))
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ngoServices = await db
    .select({ id: services.id, termIds: services.termIds })
    .from(services)
    .where(and(eq(services.organizationId, opts.toOrganizationId), eq(services.status, 'active')))
    .orderBy(asc(services.name));

  const out: Record<string, string> = {};
  const today = todayInJakarta();
  let next = 0;
  for (const plan of plans) {
    // The next case of the case worker that is open and has open needs.
    let chosen: { id: string; needs: Awaited<ReturnType<typeof openNeeds>> } | null = null;
    while (!chosen && next < opts.caseIds.length) {
      const c = byId.get(opts.caseIds[next++]!);
      if (!c || c.stage === 'closed' || c.assignedToId !== worker.userId) continue;
      const needs = await openNeeds(db, c.id);
      if (needs.length) chosen = { id: c.id, needs };
    }
    if (!chosen) break;
    await consents.create(ctxOf(db, worker), cipher, chosen.id, {
      purpose: 'referral_sharing',
      recipientOrganizationId: opts.toOrganizationId,
      sharedFields: ['name', 'sex', 'age', 'languages', 'needs', 'contact', 'home_area'],
      decision: 'given',
      method: 'signed',
      givenBy: null,
      witness: null,
      givenAt: `${addDays(today, -30)}T09:00:00+07:00`,
    });
    const need = chosen.needs[0]!;
    const terms = (termsForNeed[need.type] ?? []).map((code) => termByCode.get(code)?.id);
    const service = ngoServices.find((s) => s.termIds.some((t) => terms.includes(t)));
    const sent = await send(
      ctxOf(db, worker),
      cipher,
      chosen.id,
      referralCreate.parse({
        organizationId: opts.toOrganizationId,
        serviceId: service?.id ?? null,
        needIds: [need.id],
        urgency: plan.urgency,
        message: plan.message,
        contactPreference: plan.key === 'accepted' ? 'phone' : 'through_case_worker',
        sharedFields: ['first_name', 'sex', 'age_band', 'languages', 'needs', 'home_area'],
      }),
      ago(plan.sentHoursAgo),
    );
    let version = sent.version;
    for (const m of plan.moves) {
      const moved = await transition(
        ctxOf(db, focal),
        cipher,
        sent.id,
        referralTransition.parse({ to: m.to, version, outcome: m.outcome ?? null, note: m.note ?? null }),
        ago(m.hoursAgo),
      );
      version = moved.version;
    }
    out[plan.key] = sent.id;
  }
  return out;
}

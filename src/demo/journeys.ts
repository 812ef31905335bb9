// Demo return journeys for the social-affairs office's cases, received by BP3MI Jawa Timur: three
// arriving in the coming days (Juanda by air, Soekarno-Hatta by air, Tanjung Perak by sea), one
// that arrived earlier and reached home, and, when the demo has an outbound case (a foreign
// national), one handed over in the country of origin. Everything goes through the same service
// functions the API uses, with the moments of planning and of each milestone set in the past, so
// the returns-due list of BP3MI and of the social office has something to show. Invented names only.
import { and, eq, inArray } from 'drizzle-orm';
import * as consents from '../case-records/consents.js';
import { todayInJakarta } from '../cases/derived.js';
import type { FieldCipher } from '../platform/crypto/fields.js';
import type { Db } from '../platform/db/client.js';
import { cases, persons, users } from '../platform/db/schema.js';
import { createCtx, type Ctx } from '../platform/http/context.js';
import type { Actor } from '../policy/policy.js';
import { journeyCreate, milestoneInput } from '../returns/schema.js';
import { create, recordMilestone } from '../returns/service.js';
import type { Milestone } from '../returns/vocabulary.js';
import { addDays } from '../synthetic/dates.js';

const hour = 3_600_000;
const at = (hoursFromNow: number) => new Date(Date.now() + hoursFromNow * hour);
const iso = (hoursFromNow: number) => at(hoursFromNow).toISOString();

let n = 0;
const ctxOf = (db: Db, actor: Actor): Ctx => createCtx(db, { actor, ip: '127.0.0.1', id: `demo-journeys-${n++}`, headers: { 'user-agent': 'pulang-demo-seed' } } as never);

interface Plan {
  key: 'juanda' | 'soekarnoHatta' | 'tanjungPerak' | 'arrived' | 'handedOver';
  direction: 'inbound' | 'outbound';
  /** Stages preferred for this journey's case, in order; any open case of the case worker otherwise. */
  stages: string[];
  plannedHoursAgo: number;
  body: (receptionOrganizationId: string, countryCode: string) => Record<string, unknown>;
  /** Milestones with hours from now (negative: in the past) and what the step needs. */
  steps: { milestone: Milestone; hoursFromNow: number; extra?: Record<string, unknown>; note?: string }[];
  /** The person agreed to share their name with the reception organisation. */
  consentToReception?: boolean;
}

const plans: Plan[] = [
  {
    key: 'juanda',
    direction: 'inbound',
    stages: ['in_return', 'return_planning'],
    plannedHoursAgo: 10 * 24,
    consentToReception: true,
    body: (reception) => ({
      medicalClearance: 'cleared',
      medicalNote: 'Pemeriksaan di klinik KBRI: sehat, layak terbang.',
      escort: 'case_worker',
      escortName: 'Staf perlindungan KBRI Kuala Lumpur',
      pocketMoneyIdr: 500_000,
      arrivalPointCode: 'SUB',
      expectedArrivalAt: iso(2),
      receptionOrganizationId: reception,
      notes: 'Paspor masih ditahan bekas majikan; pulang dengan SPLP. Dijemput di terminal kedatangan internasional; keluarga menunggu di Malang.',
      documents: [
        { kind: 'passport', status: 'not_needed' },
        { kind: 'splp', status: 'issued', number: 'SPLP-KUL-2026-1187', issuer: 'KBRI Kuala Lumpur', issuedOn: addDays(todayInJakarta(), -12) },
      ],
      legs: [
        { segment: 'return', mode: 'air', fromPlace: 'Kuala Lumpur (KLIA2)', fromCountryCode: 'MY', toPlace: 'Bandara Juanda, Sidoarjo', toCountryCode: 'ID', departAt: iso(-1), arriveAt: iso(2), carrier: 'AirAsia', flightNumber: 'QZ 325', bookingCode: 'KD7RMP' },
        { segment: 'onward', mode: 'car', fromPlace: 'Bandara Juanda', toPlace: 'Kabupaten Malang', departAt: iso(4), arriveAt: iso(7), carrier: 'Mobil dinas Dinsos Jatim' },
      ],
    }),
    steps: [
      { milestone: 'documents_ready', hoursFromNow: -3 * 24 },
      { milestone: 'departed', hoursFromNow: -1, note: 'Naik pesawat bersama pendamping dari KBRI.' },
    ],
  },
  {
    key: 'soekarnoHatta',
    direction: 'inbound',
    stages: ['return_planning', 'assessment', 'in_return'],
    plannedHoursAgo: 8 * 24,
    body: (reception) => ({
      medicalClearance: 'cleared',
      escort: 'none',
      pocketMoneyIdr: 300_000,
      arrivalPointCode: 'CGK',
      expectedArrivalAt: iso(2 * 24 + 5),
      receptionOrganizationId: reception,
      documents: [
        { kind: 'passport', status: 'issued', number: 'C4471903', issuer: 'Kantor Imigrasi Kelas I Surabaya', issuedOn: '2023-02-14', expiresOn: '2033-02-14' },
        { kind: 'exit_permit', status: 'issued', issuer: 'Kementerian Dalam Negeri Arab Saudi' },
      ],
      legs: [
        { segment: 'return', mode: 'air', fromPlace: 'Riyadh', fromCountryCode: 'SA', toPlace: 'Bandara Soekarno-Hatta, Tangerang', toCountryCode: 'ID', departAt: iso(2 * 24 - 5), arriveAt: iso(2 * 24 + 5), carrier: 'Saudia', flightNumber: 'SV 816' },
        { segment: 'onward', mode: 'train', fromPlace: 'Stasiun Pasar Senen', toPlace: 'Stasiun Surabaya Pasarturi', departAt: iso(2 * 24 + 12), arriveAt: iso(2 * 24 + 22), carrier: 'KAI' },
      ],
    }),
    steps: [{ milestone: 'documents_ready', hoursFromNow: -2 * 24 }],
  },
  {
    key: 'tanjungPerak',
    direction: 'inbound',
    stages: ['return_planning', 'assessment', 'screening'],
    plannedHoursAgo: 5 * 24,
    body: (reception) => ({
      medicalClearance: 'pending',
      escort: 'family',
      escortName: 'Kakak kandung',
      arrivalPointCode: 'TPR',
      expectedArrivalAt: iso(4 * 24 + 8),
      receptionOrganizationId: reception,
      documents: [{ kind: 'splp', status: 'applied', issuer: 'KJRI Kota Kinabalu' }],
      legs: [
        { segment: 'return', mode: 'sea', fromPlace: 'Pelabuhan Tawau', fromCountryCode: 'MY', toPlace: 'Pelabuhan Tunon Taka, Nunukan', toCountryCode: 'ID', departAt: iso(2 * 24), arriveAt: iso(2 * 24 + 4), carrier: 'Kapal cepat' },
        { segment: 'return', mode: 'sea', fromPlace: 'Pelabuhan Tunon Taka, Nunukan', toPlace: 'Pelabuhan Tanjung Perak, Surabaya', toCountryCode: 'ID', departAt: iso(2 * 24 + 12), arriveAt: iso(4 * 24 + 8), carrier: 'PELNI', flightNumber: 'KM Lambelu' },
      ],
    }),
    steps: [],
  },
  {
    key: 'arrived',
    direction: 'inbound',
    stages: ['reintegration', 'monitoring', 'in_return'],
    plannedHoursAgo: 20 * 24,
    body: (reception) => ({
      medicalClearance: 'not_needed',
      escort: 'none',
      pocketMoneyIdr: 250_000,
      arrivalPointCode: 'SUB',
      expectedArrivalAt: iso(-6 * 24),
      receptionOrganizationId: reception,
      documents: [{ kind: 'passport', status: 'issued', number: 'B9021775', issuer: 'Kantor Imigrasi Kelas I Malang', issuedOn: '2021-08-03', expiresOn: '2031-08-03' }],
      legs: [
        { segment: 'return', mode: 'air', fromPlace: 'Hong Kong', fromCountryCode: 'HK', toPlace: 'Bandara Juanda, Sidoarjo', toCountryCode: 'ID', departAt: iso(-6 * 24 - 5), arriveAt: iso(-6 * 24), carrier: 'Cathay Pacific', flightNumber: 'CX 781' },
        { segment: 'onward', mode: 'bus', fromPlace: 'Terminal Purabaya (Bungurasih)', toPlace: 'Kabupaten Blitar', departAt: iso(-6 * 24 + 3), arriveAt: iso(-6 * 24 + 7), carrier: 'Bus Patas' },
      ],
    }),
    steps: [
      { milestone: 'documents_ready', hoursFromNow: -10 * 24 },
      { milestone: 'departed', hoursFromNow: -6 * 24 - 5 },
      { milestone: 'arrived', hoursFromNow: -6 * 24, extra: { receivedBy: 'Petugas pos pelayanan BP3MI Juanda' } },
      { milestone: 'reached_home', hoursFromNow: -6 * 24 + 8, note: 'Sudah bersama orang tua di rumah.' },
    ],
  },
  {
    key: 'handedOver',
    direction: 'outbound',
    stages: ['reintegration', 'monitoring', 'in_return', 'return_planning'],
    plannedHoursAgo: 15 * 24,
    body: (_reception, countryCode) => ({
      medicalClearance: 'cleared',
      escort: 'case_worker',
      escortName: 'Pekerja sosial Dinsos Jatim',
      handoverCountryCode: countryCode,
      handoverOrganizationName: 'Kementerian Sosial negara asal (contoh)',
      documents: [{ kind: 'laissez_passer', status: 'issued', issuer: 'Kedutaan besar negara asal di Jakarta' }],
      legs: [{ segment: 'return', mode: 'air', fromPlace: 'Bandara Juanda, Sidoarjo', fromCountryCode: 'ID', toPlace: 'Bandara internasional negara asal', toCountryCode: countryCode, departAt: iso(-3 * 24 - 6), arriveAt: iso(-3 * 24), carrier: 'Garuda Indonesia' }],
    }),
    steps: [
      { milestone: 'documents_ready', hoursFromNow: -5 * 24 },
      { milestone: 'departed', hoursFromNow: -3 * 24 - 6 },
      {
        milestone: 'handed_over',
        hoursFromNow: -3 * 24 + 1,
        extra: {
          handoverContact: 'Petugas perlindungan anak, kantor pusat (contoh)',
          handoverItems: ['case_summary', 'medical_records', 'travel_documents', 'consent_forms', 'belongings'],
          handoverNote: 'Diserahterimakan di bandara dengan berita acara.',
        },
      },
    ],
  },
];

async function caseWorker(db: Db, organizationId: string): Promise<Actor> {
  const [u] = await db
    .select({ id: users.id, roles: users.roles })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.email, 'caseworker@demo.pulang.example')));
  if (!u) throw new Error('seedDemoJourneys: the demo case worker must exist in the organisation first');
  return { userId: u.id, organizationId, roles: u.roles as Actor['roles'], kind: 'person' };
}

/**
 * Plans and moves the demo journeys on open cases of `organizationId` held by its demo case worker
 * (taken from `caseIds`), with `receptionOrganizationId` (BP3MI Jawa Timur) receiving the inbound
 * ones. Call after seedDemoCases. Returns the journey IDs by plan; a plan without a fitting case
 * (no outbound case, say) is skipped.
 */
export async function seedDemoJourneys(
  db: Db,
  cipher: FieldCipher,
  opts: { organizationId: string; receptionOrganizationId: string; caseIds: string[] },
): Promise<Record<string, string>> {
  const worker = await caseWorker(db, opts.organizationId);
  const rows = opts.caseIds.length
    ? await db
        .select({ id: cases.id, stage: cases.stage, direction: cases.direction, assignedToId: cases.assignedToId, nationality: persons.nationality })
        .from(cases)
        .innerJoin(persons, eq(persons.id, cases.personId))
        .where(and(inArray(cases.id, opts.caseIds), eq(cases.organizationId, opts.organizationId)))
    : [];
  const order = new Map(opts.caseIds.map((id, i) => [id, i]));
  const open = rows.filter((r) => r.stage !== 'closed' && r.assignedToId === worker.userId).sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  const used = new Set<string>();
  const out: Record<string, string> = {};
  for (const plan of plans) {
    const fitting = open.filter((r) => r.direction === plan.direction && !used.has(r.id));
    const chosen = plan.stages.map((s) => fitting.find((r) => r.stage === s)).find(Boolean) ?? fitting[0];
    if (!chosen) continue;
    used.add(chosen.id);
    if (plan.consentToReception)
      await consents.create(ctxOf(db, worker), cipher, chosen.id, {
        purpose: 'referral_sharing',
        recipientOrganizationId: opts.receptionOrganizationId,
        sharedFields: ['name', 'sex', 'age', 'languages'],
        decision: 'given',
        method: 'signed',
        givenBy: null,
        witness: null,
        givenAt: at(-12 * 24).toISOString(),
      });
    const country = plan.direction === 'outbound' && chosen.nationality !== 'ID' ? chosen.nationality : 'KH';
    const j = await create(ctxOf(db, worker), cipher, chosen.id, journeyCreate.parse(plan.body(opts.receptionOrganizationId, country)), at(-plan.plannedHoursAgo)).catch((e) => {
      throw new Error(`seedDemoJourneys ${plan.key}: ${JSON.stringify((e as { fields?: unknown }).fields ?? String(e))}`);
    });
    let version = j.version;
    for (const s of plan.steps) {
      const moved = await recordMilestone(
        ctxOf(db, worker),
        cipher,
        j.id,
        milestoneInput.parse({ milestone: s.milestone, happenedAt: iso(s.hoursFromNow), version, note: s.note ?? null, ...s.extra }),
      );
      version = moved.version;
    }
    out[plan.key] = j.id;
  }
  return out;
}

// Demo reintegration plans and group activities of the social-affairs office (Dinas Sosial
// Provinsi Jawa Timur): three group activities (a peer group of returnees in Kabupaten Malang, a
// community coffee business in Banyuwangi, an awareness session in Blitar), approved plans for a
// few of the case worker's cases in reintegration or monitoring (one of them already at version 2,
// with version 1 superseded), some progress recorded, and one plan submitted and awaiting the
// supervisor's approval. Everything goes through the same service functions the API uses, with the
// moments set in the past; budgets are realistic rupiah figures for East Java.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { todayInJakarta } from '../cases/derived.js';
import { addDays } from '../synthetic/dates.js';
import type { FieldCipher } from '../platform/crypto/fields.js';
import type { Db } from '../platform/db/client.js';
import { caseNeeds, cases, users } from '../platform/db/schema.js';
import { createCtx, type Ctx } from '../platform/http/context.js';
import type { Actor } from '../policy/policy.js';
import * as activities from '../reintegration/groups/service.js';
import { groupActivityCreate } from '../reintegration/groups/schema.js';
import { planItemCreate, type PlanItemCreate } from '../reintegration/plans/schema.js';
import { findPlan } from '../reintegration/plans/dal.js';
import * as plans from '../reintegration/plans/service.js';
import { planDimensionOfNeed, type ItemStatus, type PlanDimension } from '../reintegration/plans/vocabulary.js';

const day = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * day);

type ActivityKey = 'malang' | 'banyuwangi' | 'blitar';

const demoActivities: { key: ActivityKey; body: Record<string, unknown> }[] = [
  {
    key: 'malang',
    body: {
      kind: 'peer_group',
      name: 'Kelompok Dukungan Sebaya Purna Migran Kabupaten Malang',
      description: 'Pertemuan dua mingguan di Balai Desa Donomulyo: berbagi pengalaman pulang, didampingi pekerja sosial Dinsos. Terbuka untuk laki-laki dan perempuan.',
      areaCode: '35.07',
      startsOn: -120,
      capacity: 15,
    },
  },
  {
    key: 'banyuwangi',
    body: {
      kind: 'community_business',
      name: 'Usaha Bersama Olahan Kopi Purna Migran Banyuwangi',
      description: 'Koperasi kecil pengolahan dan penjualan kopi robusta Kalibaru; anggota mendapat pelatihan sangrai, pengemasan dan pemasaran daring.',
      areaCode: '35.10',
      startsOn: -200,
      capacity: 12,
    },
  },
  {
    key: 'blitar',
    body: {
      kind: 'awareness_session',
      name: 'Sosialisasi Migrasi Aman di Desa Asal, Kabupaten Blitar',
      description: 'Sesi bulanan bersama perangkat desa tentang modus perekrutan ilegal dan jalur penempatan resmi.',
      areaCode: '35.05',
      startsOn: -30,
      endsOn: 150,
      capacity: 40,
    },
  },
];

interface DemoItem {
  dimension: PlanDimension;
  what: string;
  budgetIdr: number | null;
  group?: ActivityKey;
  /** Days from today. */
  start: number;
  end: number;
  /** Progress recorded after approval, with the outcome to end it. */
  progress?: { to: ItemStatus; outcome?: string }[];
}

interface DemoPlan {
  key: string;
  goal: string;
  items: DemoItem[];
  /** Days ago it was started, submitted and decided. */
  at: [number, number, number | null];
  /** A second version: what changes (budget of the first item), and when. */
  v2?: { changeNote: string; budgetIdr: number; at: [number, number, number] };
}

const demoPlans: DemoPlan[] = [
  {
    key: 'angkringan',
    goal: 'Membuka usaha angkringan di desa dan kembali diterima keluarga besar dalam enam bulan.',
    at: [50, 45, 43],
    items: [
      { dimension: 'economic', what: 'Paket usaha mikro: gerobak angkringan, termos, kompor dan bahan awal', budgetIdr: 4_500_000, start: -40, end: 20, progress: [{ to: 'in_progress' }] },
      { dimension: 'social', what: 'Ikut kelompok dukungan sebaya purna migran (ongkos transport pertemuan)', budgetIdr: 240_000, group: 'malang', start: -40, end: 140 },
      {
        dimension: 'psychosocial',
        what: 'Konseling psikososial enam sesi dengan psikolog Dinsos',
        budgetIdr: 900_000,
        start: -38,
        end: 30,
        progress: [{ to: 'in_progress' }],
      },
      {
        dimension: 'documentation',
        what: 'Pengurusan ulang KTP-el dan Kartu Keluarga di Disdukcapil',
        budgetIdr: 0,
        start: -40,
        end: -20,
        progress: [{ to: 'in_progress' }, { to: 'completed', outcome: 'KTP-el dan KK baru sudah diterima.' }],
      },
    ],
  },
  {
    key: 'kopi',
    goal: 'Penghasilan tetap dari usaha kopi bersama dan keterampilan menjahit sebagai cadangan.',
    at: [80, 76, 74],
    items: [
      { dimension: 'economic', what: 'Modal keanggotaan dan peralatan sangrai untuk usaha bersama kopi', budgetIdr: 2_000_000, group: 'banyuwangi', start: -70, end: 110, progress: [{ to: 'in_progress' }] },
      { dimension: 'health', what: 'Pemeriksaan kesehatan menyeluruh dan pendaftaran BPJS Kesehatan PBI', budgetIdr: 0, start: -70, end: -50, progress: [{ to: 'in_progress' }, { to: 'completed', outcome: 'Terdaftar sebagai peserta PBI; hasil pemeriksaan baik.' }] },
      { dimension: 'education', what: 'Kursus menjahit tiga bulan di Balai Latihan Kerja', budgetIdr: 1_750_000, start: -20, end: 70 },
    ],
  },
  {
    key: 'kambing',
    goal: 'Usaha ternak kambing keluarga dan keberanian bercerita di kampung.',
    at: [120, 115, 112],
    items: [
      { dimension: 'economic', what: 'Modal usaha ternak: tiga ekor kambing dan kandang', budgetIdr: 6_000_000, start: -100, end: 60, progress: [{ to: 'in_progress' }] },
      { dimension: 'social', what: 'Ikut sosialisasi migrasi aman sebagai narasumber purna migran', budgetIdr: 150_000, group: 'blitar', start: -25, end: 150 },
      { dimension: 'legal', what: 'Pendampingan membuat laporan polisi di Polda Jawa Timur', budgetIdr: 500_000, start: -100, end: -60, progress: [{ to: 'cancelled', outcome: 'Yang bersangkutan memilih tidak melapor untuk saat ini.' }] },
    ],
    v2: { changeNote: 'Harga kambing naik; modal disesuaikan dengan harga pasar Blitar.', budgetIdr: 7_500_000, at: [20, 18, 15] },
  },
  {
    key: 'barista',
    goal: 'Bekerja sebagai barista di Malang dan tinggal dekat tempat kerja.',
    at: [6, 2, null],
    items: [
      { dimension: 'economic', what: 'Pelatihan barista 20 hari dan alat seduh dasar', budgetIdr: 3_200_000, start: 7, end: 40 },
      { dimension: 'psychosocial', what: 'Ikut kelompok dukungan sebaya purna migran', budgetIdr: 240_000, group: 'malang', start: 7, end: 180 },
      { dimension: 'housing', what: 'Bantuan sewa kamar kos tiga bulan di Kota Malang', budgetIdr: 1_500_000, start: 14, end: 104 },
    ],
  },
];

async function actorByEmail(db: Db, organizationId: string, email: string): Promise<Actor> {
  const [u] = await db
    .select({ id: users.id, roles: users.roles })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.email, email)));
  if (!u) throw new Error(`seedDemoPlans: ${email} must exist in its organisation first`);
  return { userId: u.id, organizationId, roles: u.roles as Actor['roles'], kind: 'person' };
}

let n = 0;
const ctxOf = (db: Db, actor: Actor): Ctx => createCtx(db, { actor, ip: '127.0.0.1', id: `demo-plans-${n++}`, headers: { 'user-agent': 'pulang-demo-seed' } } as never);

/**
 * Seeds the group activities of `organizationId` and plans for the case worker's open cases among
 * `caseIds` (those in reintegration or monitoring first). Call after seedDemoCases. Returns the IDs
 * of the activities and of the plans by key (for a plan with two versions, the current one).
 */
export async function seedDemoPlans(
  db: Db,
  cipher: FieldCipher,
  opts: { organizationId: string; caseIds: string[] },
): Promise<{ activityIds: Record<ActivityKey, string>; planIds: Record<string, string>; caseIds: Record<string, string> }> {
  const worker = await actorByEmail(db, opts.organizationId, 'caseworker@demo.pulang.example');
  const supervisor = await actorByEmail(db, opts.organizationId, 'supervisor@demo.pulang.example');
  const today = todayInJakarta();

  const activityIds = {} as Record<ActivityKey, string>;
  for (const a of demoActivities) {
    const { startsOn, endsOn, ...rest } = a.body as { startsOn?: number; endsOn?: number };
    const created = await activities.create(
      ctxOf(db, supervisor),
      groupActivityCreate.parse({ ...rest, startsOn: startsOn !== undefined ? addDays(today, startsOn) : null, endsOn: endsOn !== undefined ? addDays(today, endsOn) : null }),
    );
    activityIds[a.key] = created.id;
  }

  // The case worker's open cases, the furthest along first.
  const rows = opts.caseIds.length
    ? await db
        .select({ id: cases.id, stage: cases.stage, assignedToId: cases.assignedToId })
        .from(cases)
        .where(and(inArray(cases.id, opts.caseIds), eq(cases.organizationId, opts.organizationId)))
    : [];
  const rank: Record<string, number> = { reintegration: 0, monitoring: 1, reopened: 2, in_return: 3, return_planning: 4 };
  const candidates = rows
    .filter((r) => r.assignedToId === worker.userId && r.stage in rank)
    .sort((a, b) => rank[a.stage]! - rank[b.stage]! || opts.caseIds.indexOf(a.id) - opts.caseIds.indexOf(b.id));

  const planIds: Record<string, string> = {};
  const caseIdsOut: Record<string, string> = {};
  for (const [k, plan] of demoPlans.entries()) {
    const c = candidates[k];
    if (!c) break;
    const needs = await db
      .select({ id: caseNeeds.id, type: caseNeeds.type, dimension: caseNeeds.dimension })
      .from(caseNeeds)
      .where(eq(caseNeeds.caseId, c.id))
      .orderBy(asc(caseNeeds.createdAt));
    const used = new Set<string>();
    const needFor = (d: PlanDimension) => {
      const need = needs.find((x) => !used.has(x.id) && planDimensionOfNeed(x.type, x.dimension) === d);
      if (need) used.add(need.id);
      return need?.id ?? null;
    };
    const [startedAgo, submittedAgo, decidedAgo] = plan.at;
    const draft = await plans.createVersion(ctxOf(db, worker), cipher, c.id, { goal: plan.goal, changeNote: null }, daysAgo(startedAgo));
    for (const i of plan.items) {
      const body: PlanItemCreate = planItemCreate.parse({
        dimension: i.dimension,
        what: i.what,
        needId: needFor(i.dimension),
        delivery: i.group ? 'group' : 'direct',
        groupActivityId: i.group ? activityIds[i.group] : null,
        budgetIdr: i.budgetIdr,
        startOn: addDays(today, i.start),
        endOn: addDays(today, i.end),
      });
      await plans.addItem(ctxOf(db, worker), cipher, draft.id, body, daysAgo(startedAgo));
    }
    // The version after the items (read straight from the table: nobody looked at the plan).
    let current = await plans.submit(ctxOf(db, worker), cipher, draft.id, { version: (await findPlan(db, draft.id))!.version }, daysAgo(submittedAgo));
    caseIdsOut[plan.key] = c.id;
    planIds[plan.key] = draft.id;
    if (decidedAgo === null) continue;
    current = await plans.decide(ctxOf(db, supervisor), cipher, draft.id, 'approved', { version: current.version, note: 'Anggaran sesuai pagu; silakan dimulai.' }, daysAgo(decidedAgo));
    for (const [idx, i] of plan.items.entries()) {
      let item = current.items[idx]!;
      for (const step of i.progress ?? []) {
        item = await plans.progress(ctxOf(db, worker), cipher, draft.id, item.id, { version: item.version, status: step.to, outcome: step.outcome ?? null }, daysAgo(Math.max(decidedAgo - 3, 1)));
      }
    }
    if (plan.v2) {
      const [s2, sub2, dec2] = plan.v2.at;
      const v2 = await plans.createVersion(ctxOf(db, worker), cipher, c.id, { goal: null, changeNote: plan.v2.changeNote }, daysAgo(s2));
      const first = v2.items[0]!;
      await plans.updateItem(ctxOf(db, worker), cipher, v2.id, first.id, { version: first.version, budgetIdr: plan.v2.budgetIdr }, daysAgo(s2));
      const cur2 = await plans.submit(ctxOf(db, worker), cipher, v2.id, { version: (await findPlan(db, v2.id))!.version }, daysAgo(sub2));
      await plans.decide(ctxOf(db, supervisor), cipher, v2.id, 'approved', { version: cur2.version, note: null }, daysAgo(dec2));
      planIds[plan.key] = v2.id;
    }
  }
  return { activityIds, planIds, caseIds: caseIdsOut };
}

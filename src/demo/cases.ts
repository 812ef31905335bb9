// Demo returnees and their cases for the demo organisation (Dinas Sosial Provinsi Jawa Timur):
// about forty persons from the benchmark's generator with a fixed seed (invented names, real
// village codes), registered and worked on through the same service functions the API uses, so
// every encrypted column, document hash, blocking key, reference, priority, history entry and
// audit entry is exactly what the application would have written. Spread over the stages, some
// taken by the demo case worker, some waiting unassigned in the queue, a few with overdue tasks,
// with screenings, needs, notes and consents.
import { and, eq, inArray } from 'drizzle-orm';
import { population } from '../synthetic/generate.js';
import type { GeneratedPerson } from '../synthetic/person.js';
import { Rng } from '../synthetic/prng.js';
import * as consents from '../case-records/consents.js';
import * as needs from '../case-records/needs.js';
import * as notes from '../case-records/notes.js';
import * as screening from '../case-records/screening.js';
import * as tasks from '../case-records/tasks.js';
import { assign } from '../cases/assignment.js';
import { addDays as addDaysTo } from '../synthetic/dates.js';
import { todayInJakarta } from '../cases/derived.js';
import { screeningPut, taskUpdate } from '../case-records/schema.js';
import { caseCreate, transitionInput } from '../cases/schema.js';
import { caseOut, create as createCase, transition } from '../cases/service.js';
import * as closure from '../closure/service.js';
import { exploitationTypes, industries, meansOfControl, recruiterRelationships, recruitmentMethods } from '../cases/screening.js';
import type { Stage } from '../cases/workflow.js';
import type { BlindIndex } from '../platform/crypto/blind-index.js';
import type { FieldCipher } from '../platform/crypto/fields.js';
import type { Db } from '../platform/db/client.js';
import { users as usersTable } from '../platform/db/schema.js';
import { createCtx, type Ctx } from '../platform/http/context.js';
import type { Actor } from '../policy/policy.js';

export const DEMO_CASES_SEED = 'pulang-demo-2026';

export interface DemoCaseUsers {
  caseWorkerId: string;
  supervisorId: string;
}

/** Who holds a demo case and how far it has gone. */
interface Plan {
  stage: Stage;
  holder: 'worker' | 'supervisor' | 'queue';
  overdue?: boolean;
}

// 40 cases: a queue to triage, the case worker's caseload across the stages, a few held by the supervisor.
const plans: Plan[] = [
  ...Array.from({ length: 7 }, (): Plan => ({ stage: 'intake', holder: 'queue' })),
  { stage: 'screening', holder: 'queue' },
  ...Array.from({ length: 3 }, (): Plan => ({ stage: 'intake', holder: 'worker' })),
  { stage: 'screening', holder: 'worker', overdue: true },
  ...Array.from({ length: 3 }, (): Plan => ({ stage: 'screening', holder: 'worker' })),
  { stage: 'assessment', holder: 'worker', overdue: true },
  ...Array.from({ length: 5 }, (): Plan => ({ stage: 'assessment', holder: 'worker' })),
  { stage: 'return_planning', holder: 'worker', overdue: true },
  { stage: 'return_planning', holder: 'worker' },
  { stage: 'in_return', holder: 'worker' },
  { stage: 'reintegration', holder: 'worker', overdue: true },
  ...Array.from({ length: 4 }, (): Plan => ({ stage: 'reintegration', holder: 'worker' })),
  { stage: 'monitoring', holder: 'worker', overdue: true },
  ...Array.from({ length: 2 }, (): Plan => ({ stage: 'monitoring', holder: 'worker' })),
  { stage: 'closed', holder: 'worker' },
  { stage: 'reopened', holder: 'worker' },
  { stage: 'assessment', holder: 'supervisor', overdue: true },
  { stage: 'screening', holder: 'supervisor' },
  { stage: 'reintegration', holder: 'supervisor' },
  { stage: 'monitoring', holder: 'supervisor' },
  { stage: 'closed', holder: 'supervisor' },
  { stage: 'return_planning', holder: 'supervisor' },
];

/** The moves from intake to each stage, in order. */
const pathTo: Record<Stage, Stage[]> = {
  intake: [],
  screening: ['screening'],
  assessment: ['screening', 'assessment'],
  return_planning: ['screening', 'assessment', 'return_planning'],
  in_return: ['screening', 'assessment', 'return_planning', 'in_return'],
  reintegration: ['screening', 'assessment', 'return_planning', 'in_return', 'reintegration'],
  monitoring: ['screening', 'assessment', 'return_planning', 'in_return', 'reintegration', 'monitoring'],
  closed: ['screening', 'assessment', 'reintegration', 'monitoring', 'closed'],
  reopened: ['screening', 'assessment', 'reintegration', 'monitoring', 'closed', 'reopened'],
};
const past = (s: Stage, than: Stage) => pathTo[s].includes(than) || s === than;

const contactNotes = [
  'Kunjungan rumah: tinggal bersama orang tua, kondisi fisik baik, masih sulit tidur.',
  'Telepon dengan keluarga: menanyakan jadwal konseling dan bantuan modal usaha.',
  'Bertemu di kantor desa bersama perangkat desa; dokumen kependudukan sedang diurus.',
  'Pendampingan ke puskesmas untuk pemeriksaan lanjutan.',
];
const sensitiveNotes = [
  'Mengungkapkan kekerasan oleh majikan; tidak ingin keluarga mengetahui detailnya.',
  'Mendapat ancaman dari calo yang memberangkatkan; perlu koordinasi dengan kepolisian.',
];
const taskTitles = ['Kunjungan rumah lanjutan', 'Hubungi BP3MI tentang gaji yang belum dibayar', 'Jadwalkan sesi konseling', 'Urus KTP dan KK', 'Rujuk ke pelatihan keterampilan'];

/** The demo persons: mostly from East Java (the organisation's province), a few from elsewhere and two foreign nationals. */
function demoPersons(referenceDate: string): GeneratedPerson[] {
  const pop = population(4000, { seed: DEMO_CASES_SEED, referenceDate });
  const east: GeneratedPerson[] = [];
  const other: GeneratedPerson[] = [];
  const foreign: GeneratedPerson[] = [];
  for (const { person } of pop.each()) {
    if (person.nationality !== 'ID') foreign.length < 2 && foreign.push(person);
    else if (person.homeProvinceCode === '35') east.length < 32 && east.push(person);
    else other.length < 6 && other.push(person);
    if (east.length >= 32 && other.length >= 6 && foreign.length >= 2) break;
  }
  // Interleave so that every holder and stage gets a mix.
  const out: GeneratedPerson[] = [];
  for (let i = 0; out.length < plans.length; i++) {
    if (i % 6 === 5 && other.length) out.push(other.shift()!);
    else if (i % 17 === 16 && foreign.length) out.push(foreign.shift()!);
    else if (east.length) out.push(east.shift()!);
    else out.push((other.shift() ?? foreign.shift())!);
  }
  return out;
}

function actorCtx(db: Db, actor: Actor, n: number): Ctx {
  return createCtx(db, { actor, ip: '127.0.0.1', id: `demo-seed-${n}`, headers: { 'user-agent': 'pulang-demo-seed' } } as never);
}

async function findUsers(db: Db, orgId: string): Promise<DemoCaseUsers> {
  const rows = await db
    .select({ id: usersTable.id, email: usersTable.email })
    .from(usersTable)
    .where(and(eq(usersTable.organizationId, orgId), inArray(usersTable.email, ['caseworker@demo.pulang.example', 'supervisor@demo.pulang.example'])));
  const byEmail = new Map(rows.map((r) => [r.email, r.id]));
  const caseWorkerId = byEmail.get('caseworker@demo.pulang.example');
  const supervisorId = byEmail.get('supervisor@demo.pulang.example');
  if (!caseWorkerId || !supervisorId) throw new Error('seedDemoCases: the demo case worker and supervisor must exist in the organisation first');
  return { caseWorkerId, supervisorId };
}

/**
 * Registers the demo returnees and their cases in `orgId` through the services. Call after the
 * demo users exist (with the audit key set). `users` defaults to the demo case worker and
 * supervisor found by e-mail; `options.count` seeds fewer than the forty (spread kept). About
 * 600 service calls: some 20 s on PGlite on a busy 2-core machine. Returns the IDs of the cases.
 */
export async function seedDemoCases(
  db: Db,
  cipher: FieldCipher,
  lookup: BlindIndex,
  orgId: string,
  users?: DemoCaseUsers,
  options: { count?: number } = {},
): Promise<{ caseIds: string[] }> {
  const who = users ?? (await findUsers(db, orgId));
  const deps = { cipher, lookup };
  const worker: Actor = { userId: who.caseWorkerId, organizationId: orgId, roles: ['case_worker'], kind: 'person' };
  const supervisor: Actor = { userId: who.supervisorId, organizationId: orgId, roles: ['supervisor'], kind: 'person' };
  const today = todayInJakarta();
  let n = 0;
  const as = (a: Actor) => actorCtx(db, a, n++);
  const caseIds: string[] = [];

  const persons = demoPersons(today);
  // Fewer cases (e.g. for quick browser-test servers) keep the spread: every k-th plan.
  const count = Math.min(plans.length, Math.max(1, options.count ?? plans.length));
  const chosen = Array.from({ length: count }, (_, k) => Math.floor((k * plans.length) / count));
  for (const i of chosen) {
    const plan = plans[i];
    const p = persons[i];
    const rng = Rng.derive(DEMO_CASES_SEED, `case:${i}`);
    // Who works on the case: its holder, or for a case in the queue the supervisor.
    const holder = plan.holder === 'worker' ? worker : supervisor;
    // The case worker registers and takes her cases; the queue's were registered by the supervisor
    // (or by the case worker at a walk-in desk) without taking them.
    // Some of the case worker's new cases were triaged to her by the supervisor from the queue.
    const triaged = plan.holder === 'worker' && plan.stage === 'intake' && i % 2 === 0;
    const registrar = plan.holder === 'queue' ? supervisor : triaged ? supervisor : holder;
    const outbound = p.nationality !== 'ID';
    const scam = p.meta.destinations.some((c) => ['KH', 'MM', 'LA'].includes(c));
    const caseType = outbound
      ? 'victim_of_trafficking'
      : p.meta.age < 18
        ? 'unaccompanied_or_separated_child'
        : scam || i % 3 === 0
          ? 'presumed_victim'
          : i % 3 === 1
            ? 'vulnerable_migrant'
            : i % 5 === 0
              ? 'victim_of_trafficking'
              : 'stranded_migrant';
    const input = caseCreate.parse({
      person: {
        fullName: p.fullName,
        otherNames: p.otherNames,
        sex: p.sex,
        birth: p.birth,
        nationality: p.nationality,
        languages: p.languages,
        documents: p.documents,
        phones: p.phones,
        homeVillageCode: p.homeVillageCode,
        homeAddress: p.homeAddress,
        emergencyContact: p.emergencyContact,
        disabilities: p.disabilities,
        disabilityNote: p.disabilityNote,
      },
      caseType,
      direction: outbound ? 'outbound' : 'inbound',
      destinationCountries: p.meta.destinations,
      riskLevel: rng.weighted([['low', 3], ['medium', 4], ['high', 2], ['critical', i % 13 === 0 ? 1 : 0]] as const),
      flags: [...(rng.chance(0.12) ? ['urgent_medical'] : []), ...(rng.chance(0.1) ? ['security_risk'] : [])],
      summary: outbound
        ? 'Awak kapal ikan asing yang diselamatkan di pelabuhan; menunggu pemulangan ke negara asal.'
        : scam
          ? 'Dijanjikan pekerjaan admin, dipaksa bekerja di perusahaan penipuan daring; dipulangkan melalui KBRI.'
          : 'Dipulangkan setelah gaji tidak dibayar dan paspor ditahan majikan.',
      assignToMe: plan.holder !== 'queue' && registrar === holder,
    });
    let c = await createCase(as(registrar), deps, input);
    caseIds.push(c.id);
    if (triaged) c = await assign(as(supervisor), deps, c.id, { version: c.version, assigneeId: worker.userId });

    // Walk the case to its stage.
    for (const to of pathTo[plan.stage]) {
      if (to === 'closed') {
        // Closing is a request that a supervisor approves against the checklist (src/closure). These
        // people declined further help once back at work; with no survey done yet, the supervisor
        // acknowledges the incomplete checklist, which that reason allows.
        const request = await closure.request(as(holder), cipher, c.id, {
          closureReason: 'declined_assistance',
          reason: 'Sudah bekerja kembali dan tidak lagi menginginkan pendampingan.',
        });
        await closure.approve(as(supervisor), cipher, request.id, { version: request.version, note: null, acknowledgeIncomplete: true });
        c = (await caseOut(as(holder), db, cipher, c.id))!;
        continue;
      }
      c = await transition(
        as(holder),
        deps,
        c.id,
        transitionInput.parse({
          version: c.version,
          to,
          ...(to === 'reopened' ? { reason: 'Kehilangan pekerjaan dan mendapat ancaman dari penagih utang.' } : {}),
        }),
      );
    }
    const ctx = () => as(holder);

    // Consent to case management at registration; more as the case goes on.
    if (plan.stage !== 'intake') {
      const child = c.isChild;
      await consents.create(ctx(), cipher, c.id, {
        purpose: 'case_management',
        decision: 'given',
        method: child ? 'guardian' : i % 4 === 0 ? 'verbal_witnessed' : 'signed',
        givenBy: child ? (p.emergencyContact?.name ?? 'Orang tua') : p.fullName,
        witness: !child && i % 4 === 0 ? 'Perangkat Desa' : null,
        givenAt: `${addDaysTo(today, -20 - (i % 10))}T10:00:00+07:00`,
        sharedFields: [],
      });
      if (past(plan.stage, 'assessment')) {
        const ref = await consents.create(ctx(), cipher, c.id, {
          purpose: 'referral_sharing',
          recipientOrganizationType: 'ngo',
          sharedFields: ['name', 'sex', 'age', 'contact', 'home_area', 'languages', 'needs'],
          decision: 'given',
          method: child ? 'guardian' : 'signed',
          givenBy: child ? (p.emergencyContact?.name ?? 'Orang tua') : p.fullName,
          givenAt: `${addDaysTo(today, -12)}T10:00:00+07:00`,
        });
        if (i % 7 === 3) await consents.withdraw(ctx(), cipher, c.id, ref.id, 'Tidak ingin data dibagikan kepada lembaga lain.');
        await consents.create(ctx(), cipher, c.id, {
          purpose: 'statistics',
          decision: i % 5 === 2 ? 'refused' : 'given',
          method: child ? 'guardian' : 'verbal_witnessed',
          givenBy: child ? (p.emergencyContact?.name ?? 'Orang tua') : p.fullName,
          witness: child ? null : 'Pendamping desa',
          givenAt: `${addDaysTo(today, -12)}T10:05:00+07:00`,
          sharedFields: [],
        });
      }
    }

    // Trafficking screening from the screening stage on; a supervisor determines those past assessment.
    if (past(plan.stage, 'screening') && caseType !== 'vulnerable_migrant') {
      const s = await screening.put(ctx(), cipher, c.id, screeningPut.parse({
        version: 0,
        exploitationTypes: scam ? ['online_scam_compound'] : [rng.pick(exploitationTypes.filter((x) => ['forced_labour', 'domestic_servitude'].includes(x.code))).code],
        meansOfControl: rng.sample(meansOfControl.filter((x) => x.code !== 'other'), rng.int(1, 3)).map((x) => x.code),
        recruitmentMethods: [rng.pick(recruitmentMethods.filter((x) => x.code !== 'other' && x.code !== 'abduction')).code],
        recruiterRelationship: rng.pick(recruiterRelationships).code,
        industries: [scam ? 'information_communication' : rng.pick(industries.filter((x) => ['households_as_employers', 'agriculture_forestry_fishing', 'manufacturing', 'accommodation_food_service'].includes(x.code))).code],
        exploitationCountries: p.meta.destinations.filter((d) => d !== 'ID').length ? p.meta.destinations.filter((d) => d !== 'ID') : ['ID'],
        exploitationStart: addDaysTo(today, -400 - i * 7),
        exploitationEnd: addDaysTo(today, -60 - i),
        notes: i % 3 === 0 ? 'Keterangan diberikan dengan didampingi penerjemah bahasa daerah.' : null,
      }));
      if (past(plan.stage, 'assessment') && plan.stage !== 'assessment') {
        await screening.determine(as(supervisor), cipher, c.id, { version: s.version, determination: scam || caseType === 'victim_of_trafficking' ? 'confirmed' : 'presumed' });
      }
    }

    // Needs from assessment on.
    if (past(plan.stage, 'assessment')) {
      const types = ['counselling', 'livelihood', 'documents', 'medical_treatment', 'legal_aid', 'family_reunification', 'vocational_training', 'debt'] as const;
      for (let k = 0; k < 2 + (i % 3); k++) {
        const need = await needs.create(ctx(), cipher, c.id, {
          type: types[(i + k * 3) % types.length],
          severity: (['moderate', 'high', 'low', 'critical'] as const)[(i + k) % 4],
          description: k === 0 ? 'Disepakati bersama dalam asesmen awal.' : null,
        });
        if (past(plan.stage, 'monitoring') && k === 0) await needs.update(ctx(), cipher, c.id, need.id, { version: need.version, status: 'met' });
      }
    }

    // Notes: contacts (they feed the priority), now and then a sensitive one.
    if (plan.stage !== 'intake') {
      const count = 1 + (i % 3);
      for (let k = 0; k < count; k++) {
        await notes.create(ctx(), cipher, c.id, {
          type: (['home_visit', 'phone_call', 'contact'] as const)[(i + k) % 3],
          sensitive: false,
          body: contactNotes[(i + k) % contactNotes.length],
          contactAt: `${addDaysTo(today, -(k * 9 + (i % 12)))}T0${(k % 8) + 1}:30:00+07:00`,
        });
      }
      if (i % 4 === 1) await notes.create(ctx(), cipher, c.id, { type: 'observation', sensitive: true, body: sensitiveNotes[i % sensitiveNotes.length] });
    }

    // Tasks and follow-ups: a few overdue, the rest due soon; some done.
    if (plan.stage !== 'closed') {
      const assigneeId = plan.holder === 'queue' ? null : holder.userId;
      if (plan.overdue) {
        await tasks.create(ctx(), cipher, c.id, { kind: 'follow_up', title: taskTitles[i % taskTitles.length], dueOn: addDaysTo(today, -(3 + (i % 9))), assigneeId });
      }
      if (plan.stage !== 'intake' || i % 2 === 0) {
        const t = await tasks.create(ctx(), cipher, c.id, { kind: 'task', title: taskTitles[(i + 2) % taskTitles.length], dueOn: addDaysTo(today, 2 + (i % 20)), assigneeId });
        if (i % 5 === 4) await tasks.update(ctx(), cipher, c.id, t.id, taskUpdate.parse({ version: t.version, status: 'done' }));
      }
    }
  }

  return { caseIds };
}

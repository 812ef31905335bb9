// Synthetic cases for the synthetic persons: type, direction, stage, risk, flags, dates, tasks,
// needs and screening, with distributions of a national system a few years in (most cases are
// in follow-up or closed; a tenth wait in intake or screening).
import { computePriority, isChild, type CaseFlag, type CaseType, type RiskLevel } from '../cases/priority.js';
import { needTypes, type NeedType } from '../cases/needs.js';
import type { Stage } from '../cases/workflow.js';
import { addDays, daysBetween } from './dates.js';
import type { GeneratedPerson } from './person.js';
import { Rng } from './prng.js';

export interface GeneratedTask {
  kind: 'task' | 'follow_up';
  title: string;
  dueOn: string;
  status: 'open' | 'done';
}

export interface GeneratedCase {
  personIndex: number;
  /** 0 for the person's first case, 1 for a second (re-trafficked, returned again). */
  ordinal: number;
  caseType: CaseType;
  direction: 'inbound' | 'outbound';
  destinationCountries: string[];
  riskLevel: RiskLevel;
  /** Set by people; `child` is added when the person is a child on the reference date. */
  flags: CaseFlag[];
  stage: Stage;
  openedOn: string;
  closedOn: string | null;
  closureReason: string | null;
  /** Whether a case worker is assigned (the rest wait in the organisation's queue). */
  assigned: boolean;
  /** Where the case is registered: the home province's social service, a national body, or an NGO. */
  registeredBy: 'province' | 'national' | 'ngo';
  summary: string;
  tasks: GeneratedTask[];
  /** Earliest due date of the open tasks. */
  nextDueOn: string | null;
  lastContactOn: string | null;
  priority: { score: number; band: string; reasons: string[] };
  needs: { type: NeedType; severity: 'low' | 'moderate' | 'high' | 'critical'; status: 'open' | 'met' }[];
}

export const stageWeights: readonly (readonly [Stage, number])[] = [
  ['intake', 7], ['screening', 7], ['assessment', 11], ['return_planning', 6], ['in_return', 3],
  ['reintegration', 16], ['monitoring', 14], ['closed', 34], ['reopened', 2],
];

const scamCountries = new Set(['KH', 'MM', 'LA']);

function caseTypeOf(rng: Rng, p: GeneratedPerson, child: boolean): CaseType {
  if (child && rng.chance(0.55)) return 'unaccompanied_or_separated_child';
  if (p.meta.destinations.some((c) => scamCountries.has(c))) {
    return rng.weighted([['presumed_victim', 60], ['victim_of_trafficking', 25], ['stranded_migrant', 15]] as const);
  }
  return rng.weighted([['presumed_victim', 28], ['victim_of_trafficking', 14], ['vulnerable_migrant', 38], ['stranded_migrant', 20]] as const);
}

const summaries: Record<string, string[]> = {
  victim_of_trafficking: [
    'Direkrut calo desa dengan janji kerja di restoran; paspor ditahan majikan dan gaji tidak dibayar selama berbulan-bulan.',
    'Dipekerjakan di kapal ikan tanpa kontrak; jam kerja berlebihan dan kekerasan fisik.',
    'Dijanjikan pekerjaan sebagai admin, dipaksa bekerja di perusahaan penipuan daring dan dijual antarperusahaan.',
  ],
  presumed_victim: [
    'Dipulangkan melalui Nunukan setelah dideportasi dari Sabah; mengaku gaji ditahan agen.',
    'Melapor ke KBRI; bekerja tanpa libur dan dilarang berkomunikasi dengan keluarga.',
    'Diberangkatkan secara nonprosedural melalui Batam; utang biaya penempatan terus bertambah.',
  ],
  vulnerable_migrant: [
    'Pekerja migran purna dengan masalah kesehatan; perlu dukungan pemulihan ekonomi.',
    'Kontrak diputus sepihak; pulang tanpa tabungan dan memiliki tanggungan anak.',
  ],
  stranded_migrant: [
    'Terlantar di penampungan setelah agen menghilang; menunggu dokumen perjalanan.',
    'Overstay dan ditahan di rumah detensi imigrasi sebelum dideportasi.',
  ],
  unaccompanied_or_separated_child: [
    'Anak ditemukan dalam razia di perbatasan tanpa pendamping; usia dipalsukan dalam dokumen.',
    'Anak dipisahkan dari orang tua yang bekerja di perkebunan; perlu penelusuran keluarga.',
  ],
};

const taskTitles = [
  'Kunjungan rumah', 'Hubungi keluarga', 'Jadwalkan konseling', 'Urus dokumen kependudukan', 'Rujuk ke puskesmas',
  'Tindak lanjut pelatihan keterampilan', 'Pendampingan laporan polisi', 'Koordinasi dengan BP3MI', 'Periksa kondisi setelah pulang',
];

const activeStages = new Set<Stage>(['screening', 'assessment', 'return_planning', 'in_return', 'reintegration', 'monitoring', 'reopened']);

export function generateCase(seed: number | string, person: GeneratedPerson, referenceDate: string, ordinal = 0): GeneratedCase {
  const rng = Rng.derive(seed, `case:${person.index}:${ordinal}`);
  const outbound = person.nationality !== 'ID';
  const child = person.birth ? isChild(person.birth, referenceDate) : false;
  const caseType = outbound
    ? rng.weighted([['victim_of_trafficking', 35], ['presumed_victim', 35], ['stranded_migrant', 30]] as const)
    : caseTypeOf(rng, person, child);
  const openedOn = ordinal === 0 ? person.meta.registeredOn : addDays(person.meta.registeredOn, Math.min(rng.int(200, 900), daysBetween(person.meta.registeredOn, referenceDate)));
  const age = daysBetween(openedOn, referenceDate);
  // A case opened last week is not closed yet; a case from three years ago mostly is.
  let stage = rng.weighted(stageWeights);
  if (age < 14 && !['intake', 'screening'].includes(stage)) stage = rng.pick(['intake', 'screening'] as const);
  if (age > 720 && activeStages.has(stage) && rng.chance(0.6)) stage = rng.chance(0.8) ? 'closed' : 'monitoring';
  if (ordinal === 0 && person.index % 53 === 0 && stage !== 'closed') stage = 'closed';

  const riskLevel = rng.weighted([['low', 38], ['medium', 36], ['high', 20], ['critical', 6]] as const);
  const flags: CaseFlag[] = [];
  if (rng.chance(caseType === 'victim_of_trafficking' ? 0.12 : 0.05)) flags.push('urgent_medical');
  if (rng.chance(caseType === 'victim_of_trafficking' || caseType === 'presumed_victim' ? 0.1 : 0.03)) flags.push('security_risk');
  if (child) flags.push('child');

  const closed = stage === 'closed';
  const closedOn = closed ? addDays(openedOn, Math.min(age, rng.int(30, 500))) : null;
  const closureReason = closed
    ? rng.weighted([['reintegrated', 55], ['unreachable', 14], ['declined_assistance', 9], ['re_migrated', 8], ['transferred', 7], ['duplicate', 2], ['deceased', 1], ['other', 4]] as const)
    : null;

  const tasks: GeneratedTask[] = [];
  if (!closed && stage !== 'intake' ? rng.chance(0.75) : rng.chance(0.3)) {
    const n = rng.int(1, 3);
    for (let i = 0; i < n; i++) {
      // About a fifth of open work is late: the overdue filter must find something.
      const dueOn = addDays(referenceDate, rng.chance(0.22) ? -rng.int(1, 45) : rng.int(0, 60));
      tasks.push({ kind: rng.chance(0.4) ? 'follow_up' : 'task', title: rng.pick(taskTitles), dueOn, status: closed ? 'done' : 'open' });
    }
  }
  const open = tasks.filter((t) => t.status === 'open');
  const nextDueOn = open.length ? open.map((t) => t.dueOn).sort()[0] : null;
  const overdueTasks = open.filter((t) => t.dueOn < referenceDate).length;
  const lastContactOn = stage === 'intake' ? null : addDays(referenceDate, -Math.min(age, rng.int(0, 90)));

  const priority = closed
    ? { score: 0, band: 'routine', reasons: [] as string[] }
    : computePriority({
        riskLevel,
        flags,
        caseType,
        overdueTasks,
        daysSinceLastContact: lastContactOn ? daysBetween(lastContactOn, referenceDate) : undefined,
      });

  const needs: GeneratedCase['needs'] = [];
  if (!['intake', 'screening'].includes(stage)) {
    for (const t of rng.sample(needTypes, rng.int(1, 4))) {
      needs.push({ type: t.code, severity: rng.weighted([['low', 25], ['moderate', 40], ['high', 27], ['critical', 8]] as const), status: closed || rng.chance(0.3) ? 'met' : 'open' });
    }
  }

  return {
    personIndex: person.index,
    ordinal,
    caseType,
    direction: outbound ? 'outbound' : 'inbound',
    destinationCountries: person.meta.destinations,
    riskLevel,
    flags,
    stage,
    openedOn,
    closedOn,
    closureReason,
    assigned: stage === 'intake' ? rng.chance(0.45) : rng.chance(0.97),
    registeredBy: outbound ? 'national' : rng.weighted([['province', 78], ['national', 10], ['ngo', 12]] as const),
    summary: rng.pick(summaries[caseType]),
    tasks,
    nextDueOn,
    lastContactOn,
    priority,
    needs,
  };
}

/** How many cases person i has: most one, some two (returned again after re-migrating). */
export function caseCountOf(seed: number | string, index: number): number {
  return Rng.derive(seed, `cases:${index}`).chance(0.04) ? 2 : 1;
}

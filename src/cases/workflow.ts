// The stages a case moves through and which moves are allowed. The transitions are data (one
// table below), so the API can answer a refused move with the allowed ones and the web app can
// offer only those. Pure rules: storing the move and its history is the service's job.

export const stages = [
  'intake',
  'screening',
  'assessment',
  'return_planning',
  'in_return',
  'reintegration',
  'monitoring',
  'closed',
  'reopened',
] as const;
export type Stage = (typeof stages)[number];

/** Every stage but `closed`: a case in one of them is still being worked on. */
export const openStages: readonly Stage[] = stages.filter((s) => s !== 'closed');

// Closing is not a move in this table: a case closes only when a supervisor approves a closure
// request against the checklist (src/closure), from any open stage (`closableStages`). The table
// lists the moves people make directly. Order within a list: forward first, then skips, then back.
const moves: Record<Stage, readonly Stage[]> = {
  intake: ['screening'],
  // Screening ends in a determination; "not a victim" still goes to assessment, because a
  // vulnerable or stranded migrant gets help too (the case type changes, the case goes on).
  screening: ['assessment'],
  assessment: [
    'return_planning',
    // Already home: an inbound return that happened before registration needs no return planning.
    'reintegration',
    // New information (a disclosure during assessment) calls for trafficking screening again.
    'screening',
  ],
  return_planning: [
    'in_return',
    // Needs changed while the return was being arranged (health, a child found, new risks).
    'assessment',
  ],
  in_return: [
    'reintegration',
    // Outbound: a foreign national handed over to the home country's agency; Pulang only follows up.
    'monitoring',
    // The journey was stopped (travel document refused, flight cancelled, unfit to travel): plan again.
    'return_planning',
  ],
  reintegration: [
    'monitoring',
    // New needs surfaced at home (family rejection, illness): assess again before changing the plan.
    'assessment',
  ],
  monitoring: [
    // A setback during follow-up (lost livelihood, threats) puts the person back on active support.
    'reintegration',
  ],
  // A closed case is never edited back into a working stage directly: it is reopened, with a reason.
  closed: ['reopened'],
  // The lead case worker picks where the work resumes, from what the person needs now. Not intake:
  // the person is already registered.
  reopened: ['screening', 'assessment', 'return_planning', 'in_return', 'reintegration', 'monitoring'],
};

const table: Record<Stage, readonly Stage[]> = moves;

/** Stages a case in `from` may move to directly, in the order the web app should offer them (never `closed`). */
export function allowedTransitions(from: Stage): readonly Stage[] {
  return table[from];
}

/** Stages from which an approved closure request closes a case: every open one. */
export const closableStages: readonly Stage[] = openStages;

/** Moves that need a reason: reopening (why it starts again). Closing has its own reason, on the closure request. */
export const reasonRequiredFor: readonly Stage[] = ['reopened'];

export type TransitionCheck =
  | { ok: true }
  | { ok: false; code: 'transition_not_allowed'; allowed: Stage[] }
  | { ok: false; code: 'reason_required' };

export function checkTransition(from: Stage, to: Stage, input: { reason?: string } = {}): TransitionCheck {
  const allowed = table[from];
  if (!allowed || !allowed.includes(to)) return { ok: false, code: 'transition_not_allowed', allowed: [...(allowed ?? [])] };
  if (reasonRequiredFor.includes(to) && !input.reason?.trim()) return { ok: false, code: 'reason_required' };
  return { ok: true };
}

/** Why a case was closed; stored as a code next to the free-text reason. Codes are stable. */
export const closureReasons = [
  { code: 'reintegrated', label: { en: 'Reintegrated', id: 'Berhasil direintegrasi' } },
  { code: 'declined_assistance', label: { en: 'Declined assistance', id: 'Menolak bantuan' } },
  { code: 'unreachable', label: { en: 'Unreachable', id: 'Tidak dapat dihubungi' } },
  { code: 'deceased', label: { en: 'Deceased', id: 'Meninggal dunia' } },
  { code: 'transferred', label: { en: 'Transferred to another organisation', id: 'Dialihkan ke lembaga lain' } },
  { code: 'duplicate', label: { en: 'Duplicate case', id: 'Kasus ganda' } },
  { code: 're_migrated', label: { en: 'Migrated again', id: 'Bermigrasi kembali' } },
  { code: 'other', label: { en: 'Other', id: 'Lainnya' } },
] as const;
export type ClosureReason = (typeof closureReasons)[number]['code'];

export const isClosureReason = (v: unknown): v is ClosureReason =>
  typeof v === 'string' && closureReasons.some((r) => r.code === v);

export const isStage = (v: unknown): v is Stage => typeof v === 'string' && (stages as readonly string[]).includes(v);

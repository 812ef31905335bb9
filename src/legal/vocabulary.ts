// The legal track's words and rules: the investigating agencies, the stages of a criminal case
// (police report, investigation, prosecution, verdict, appeal, closed), which moves between stages
// happen in practice, witness and victim protection (LPSK), and when a track counts as stalled.
// Pure rules; storing them is the service's job.

export const investigatingAgencies = ['polri_bareskrim', 'polda', 'polres', 'kejaksaan', 'ppns', 'foreign_authority', 'other'] as const;
export type InvestigatingAgency = (typeof investigatingAgencies)[number];

export const legalStages = ['reported', 'investigation', 'prosecution', 'verdict', 'appeal', 'closed'] as const;
export type LegalStage = (typeof legalStages)[number];

export const protectionStatuses = ['none', 'requested', 'granted', 'refused'] as const;
export type ProtectionStatus = (typeof protectionStatuses)[number];

export const legalEventKinds = ['stage', 'update'] as const;

/**
 * Moves between stages, forward first, then the skips and returns that happen in Indonesian
 * criminal procedure (KUHAP) for trafficking cases (UU 21/2007):
 */
const moves: Record<LegalStage, readonly LegalStage[]> = {
  // A police report (laporan polisi) leads to an investigation, or ends when the police decide it is
  // not a crime or there is too little evidence to investigate (the report is closed).
  reported: ['investigation', 'closed'],
  // The investigation ends with the file handed to the prosecutor (P-21), or is stopped (SP3).
  investigation: ['prosecution', 'closed'],
  // Prosecution ends in a verdict; the prosecutor may send the file back for more investigation
  // (P-19), or stop the prosecution (SKPP).
  prosecution: ['verdict', 'investigation', 'closed'],
  // After the verdict: an appeal (banding, kasasi) by either side, or it becomes final.
  verdict: ['appeal', 'closed'],
  // An appeal ends in a new verdict (which may itself be appealed further), or is withdrawn.
  appeal: ['verdict', 'closed'],
  // A closed track opens again when a stopped investigation is revived (pretrial ruling, new
  // evidence). Nothing else: a final verdict is final.
  closed: ['investigation'],
};

export function allowedStageMoves(from: LegalStage): readonly LegalStage[] {
  return moves[from];
}

export const stageRank = (s: LegalStage) => legalStages.indexOf(s);

/** Restitution can only be awarded by a court: at the verdict or later. */
export const canAwardRestitution = (stage: LegalStage) => stageRank(stage) >= stageRank('verdict');

/** A track with no update for this many days, and not closed, is stalled. */
export const STALLED_AFTER_DAYS = 60;

export const daysSince = (at: Date, now = new Date()) => Math.max(0, Math.floor((now.getTime() - at.getTime()) / 86_400_000));
export const isStalled = (stage: LegalStage, lastUpdateAt: Date, now = new Date()) => stage !== 'closed' && daysSince(lastUpdateAt, now) >= STALLED_AFTER_DAYS;

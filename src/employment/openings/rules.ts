// The rules of an opening across its fields, as field codes: what the schema alone cannot say.
// Pure: the service supplies the merged values (the stored opening with the change applied) and today.
import type { FieldErrors } from '../../platform/http/errors.js';
import { decentWorkCommitments } from '../vocabulary.js';

export interface OpeningValues {
  kind: string;
  areaCode: string | null;
  remote: boolean;
  wageMinIdr: number | null;
  wageMaxIdr: number | null;
  requiredSkills: { code: string; level: string }[];
  startOn: string | null;
  closesOn: string | null;
  commitments: string[];
  durationWeeks: number | null;
  costIdr: number | null;
  certificateAwarded: string | null;
}

/** Field codes for values that do not hold together; `closesOnChanged`: the closing date is checked against today. */
export function openingProblems(v: OpeningValues, today: string, closesOnChanged: boolean): FieldErrors {
  const fields: FieldErrors = {};
  if (!v.remote && !v.areaCode) fields.areaCode = 'required';
  if (v.wageMinIdr !== null && v.wageMaxIdr !== null && v.wageMaxIdr < v.wageMinIdr) fields.wageMaxIdr = 'wage_below_min';
  if (closesOnChanged && v.closesOn && v.closesOn < today) fields.closesOn = 'in_past';
  const skills = v.requiredSkills.map((s) => s.code);
  if (new Set(skills).size !== skills.length) fields.requiredSkills = 'duplicate';
  if (v.kind === 'training') {
    if (v.durationWeeks === null) fields.durationWeeks = 'required';
  } else {
    // A job has no course length, cost or certificate.
    if (v.durationWeeks !== null) fields.durationWeeks = 'not_allowed';
    if (v.costIdr !== null) fields.costIdr = 'not_allowed';
    if (v.certificateAwarded !== null) fields.certificateAwarded = 'not_allowed';
  }
  return fields;
}

/** The decent-work commitments a job still lacks to be published (none for a training place). */
export function missingCommitments(v: Pick<OpeningValues, 'kind' | 'commitments'>): string[] {
  if (v.kind !== 'job') return [];
  return decentWorkCommitments.filter((c) => !v.commitments.includes(c));
}

// The intake form's state, what it sends, and which step holds a field the server complains about.
import type { CaseType, Direction, RiskLevel } from '../api/types';
import type { NewCase, SettableFlag } from '../cases/api';
import { emptyPersonForm, personOf, type PersonFormState } from '../persons/personForm';

export interface CaseFormState {
  caseType: CaseType | '';
  direction: Direction | '';
  destinationCountries: string[];
  riskLevel: RiskLevel | '';
  flags: SettableFlag[];
  summary: string;
  assignToMe: boolean;
}

export type IntakeState = PersonFormState & CaseFormState;

export const emptyIntake = (): IntakeState => ({
  ...emptyPersonForm(),
  caseType: '',
  direction: '',
  destinationCountries: [],
  riskLevel: '',
  flags: [],
  summary: '',
  assignToMe: true,
});

export const steps = ['person', 'identity', 'case', 'review'] as const;
export type Step = (typeof steps)[number];

export function caseOf(f: IntakeState, personId: string | undefined): NewCase {
  const fields = {
    caseType: f.caseType as CaseType,
    direction: f.direction as Direction,
    destinationCountries: f.destinationCountries,
    riskLevel: f.riskLevel as RiskLevel,
    flags: f.flags,
    summary: f.summary.trim() || null,
    assignToMe: f.assignToMe,
  };
  if (personId) return { ...fields, personId };
  const { documents, ...person } = personOf(f);
  return { ...fields, person: { ...person, documents: documents.map(({ id: _id, ...d }) => d) } };
}

/** The API's field path without the `person.` prefix of the inline person. */
export const bare = (path: string) => path.replace(/^person\./, '');

const personFields = /^(fullName|otherNames|sex|genderIdentity|birth|nationality|languages)\b/;
const identityFields = /^(documents|phones|homeVillageCode|homeAddress|emergencyContact|disabilities|disabilityNote)\b/;

/** The step that shows the field at this API path. */
export function stepOfField(path: string): Step {
  const p = bare(path);
  if (personFields.test(p)) return 'person';
  if (identityFields.test(p)) return 'identity';
  return 'case';
}

/** Client checks before moving on (the server checks everything again). Keys are API field paths. */
export function checkStep(step: Step, f: IntakeState, usingPerson: boolean): Record<string, string> {
  const e: Record<string, string> = {};
  if (step === 'person' && !usingPerson) {
    if (!f.fullName.trim()) e.fullName = 'required';
    if (!f.sex) e.sex = 'required';
  }
  if (step === 'case') {
    if (!f.caseType) e.caseType = 'required';
    if (!f.direction) e.direction = 'required';
    if (!f.riskLevel) e.riskLevel = 'required';
  }
  return e;
}

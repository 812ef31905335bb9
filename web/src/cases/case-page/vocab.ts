// The case vocabularies that carry their own Indonesian and English labels live with the server's
// rules (src/cases/*.ts, pure modules) and are imported here as they are: one source of truth for
// the API's validation and the web app's forms.
import { needDimensions, needSeverities, needTypes, type NeedDimension, type NeedSeverity, type NeedType } from '../../../../src/cases/needs';
import {
  determinations,
  exploitationTypes,
  industries,
  meansOfControl,
  recruiterRelationships,
  recruitmentMethods,
  type Determination,
  type Label,
} from '../../../../src/cases/screening';
import { closureReasons, type ClosureReason } from '../../../../src/cases/workflow';
import { currentLanguage } from '../../i18n';

export { closureReasons, determinations, exploitationTypes, industries, meansOfControl, needDimensions, needSeverities, needTypes, recruiterRelationships, recruitmentMethods };
export type { ClosureReason, Determination, NeedDimension, NeedSeverity, NeedType };

/** The label in the user's language. */
export const label = (l: Label): string => l[currentLanguage()];

/** Options for a choice group or select: code and label in the user's language. */
export const options = (list: readonly { code: string; label: Label }[]) => list.map((i) => ({ value: i.code, label: label(i.label) }));

/** The label of a code in a list, or the code itself when unknown (a value from a newer server). */
export function labelOf(list: readonly { code: string; label: Label }[], code: string | null | undefined): string {
  if (!code) return '';
  const item = list.find((i) => i.code === code);
  return item ? label(item.label) : code;
}

// The candidacies of a case, the partner's answers, placements and the follow-ups at 1, 3 and 6 months.
import type { CaseOut } from '../../cases/api';

export function CaseCandidacies({ c }: { c: CaseOut }) {
  void c;
  return null;
}

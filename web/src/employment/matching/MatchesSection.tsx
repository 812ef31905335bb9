// Openings and training places that fit the case's skills profile, ranked, with the reasons; each
// can be put forward (candidacies/PutForwardButton).
import type { CaseOut } from '../../cases/api';

export function MatchesSection({ c }: { c: CaseOut }) {
  void c;
  return null;
}

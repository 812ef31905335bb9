// On the case page: request closure with a reason, the checklist, and the supervisor's decision.
import type { CaseOut } from '../cases/api';

export function ClosurePanel({ c }: { c: CaseOut }) {
  void c;
  return null;
}

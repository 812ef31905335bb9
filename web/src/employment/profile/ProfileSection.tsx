// The skills profile of a case: work history abroad and at home, skills with level, languages,
// education, certificates, what the person is looking for, preferences and constraints.
import type { CaseOut } from '../../cases/api';

export function ProfileSection({ c }: { c: CaseOut }) {
  void c;
  return null;
}

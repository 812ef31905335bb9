// The case tab "Kerja": the skills profile filled with the returnee, the openings and training
// places that fit it (with the reasons), the candidacies put forward and the placements with their follow-ups.
import type { CaseOut } from '../cases/api';
import { CaseCandidacies } from './candidacies/CaseCandidacies';
import { MatchesSection } from './matching/MatchesSection';
import { ProfileSection } from './profile/ProfileSection';

export function WorkTab({ c }: { c: CaseOut }) {
  return (
    <>
      <ProfileSection c={c} />
      <MatchesSection c={c} />
      <CaseCandidacies c={c} />
    </>
  );
}

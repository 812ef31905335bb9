// For case workers on an opening's page: the cases of their organisation that fit it and consented
// to be put forward, ranked, with the reasons.
export function OpeningCandidates({ openingId }: { openingId: string }) {
  void openingId;
  return null;
}

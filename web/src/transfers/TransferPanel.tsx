// On the case page: propose a transfer to another organisation, and the proposal while it waits for an answer.
import type { CaseOut } from '../cases/api';

export function TransferPanel({ c }: { c: CaseOut }) {
  void c;
  return null;
}

// The <option>s of a select over one of the case vocabularies, labelled in the user's language.
import { options } from './vocab';

export function VocabOptions({ list }: { list: Parameters<typeof options>[0] }) {
  return (
    <>
      {options(list).map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </>
  );
}

// A PostgreSQL array literal for a parameter (`${pgArray(ids)}::uuid[]`): one parameter for any
// number of values. Only for plain codes and UUIDs, which need no quoting; anything else is refused.
export function pgArray(values: readonly string[]): string {
  for (const v of values) if (!/^[\w.\- ]+$/.test(v)) throw new Error('unexpected character in an array value');
  return `{${values.join(',')}}`;
}

// Bulk loading into PostgreSQL without extra dependencies: one INSERT … SELECT FROM unnest(...)
// per table and batch, with every column passed as one array parameter (no 65,535-parameter
// limit, one round trip, about as fast as COPY for rows of this size). Constraints and indexes
// of the loaded tables are dropped first and rebuilt after, as a restore would.
import type pg from 'pg';

export type ColumnType = 'uuid' | 'text' | 'int' | 'date' | 'timestamptz' | 'text[]' | 'bool';

export interface TableSpec {
  table: string;
  columns: readonly (readonly [string, ColumnType])[];
}

/** A PostgreSQL array literal for a text[] value (unnest cannot take an array of arrays). */
function arrayLiteral(xs: readonly string[] | null): string | null {
  if (xs === null) return null;
  return `{${xs.map((x) => `"${x.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

export function insertStatement(spec: TableSpec): string {
  const names = spec.columns.map(([n]) => n).join(', ');
  const params = spec.columns.map(([, t], i) => `$${i + 1}::${t === 'text[]' ? 'text' : t}[]`).join(', ');
  const select = spec.columns.map(([, t], i) => (t === 'text[]' ? `c${i}::text[]` : `c${i}`)).join(', ');
  const aliases = spec.columns.map((_, i) => `c${i}`).join(', ');
  return `insert into ${spec.table} (${names}) select ${select} from unnest(${params}) as t(${aliases})`;
}

export async function bulkInsert(client: pg.ClientBase, spec: TableSpec, rows: readonly Record<string, unknown>[]): Promise<void> {
  if (!rows.length) return;
  const params = spec.columns.map(([name, type]) =>
    rows.map((r) => {
      const v = r[name] ?? null;
      return type === 'text[]' ? arrayLiteral(v as string[] | null) : v;
    }),
  );
  await client.query(insertStatement(spec), params);
}

export interface SavedDefinitions {
  constraints: { table: string; name: string; def: string; type: string }[];
  indexes: { name: string; def: string }[];
}

/** Drops the constraints (primary, unique, foreign keys) and indexes of the tables; returns how to rebuild them. */
export async function dropConstraintsAndIndexes(client: pg.ClientBase, tables: readonly string[]): Promise<SavedDefinitions> {
  const { rows: constraints } = await client.query<{ table: string; name: string; def: string; type: string }>(
    `select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as def, contype as type
       from pg_constraint where conrelid::regclass::text = any($1) and contype in ('p', 'u', 'f')`,
    [tables],
  );
  const { rows: indexes } = await client.query<{ name: string; def: string }>(
    `select indexname as name, indexdef as def from pg_indexes
      where schemaname = 'public' and tablename = any($1)
        and indexname not in (select conname from pg_constraint where contype in ('p', 'u'))`,
    [tables],
  );
  // Foreign keys of other tables that point at these (e.g. case_events → cases) go too, or the primary keys cannot be dropped.
  const { rows: incoming } = await client.query<{ table: string; name: string; def: string; type: string }>(
    `select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as def, contype as type
       from pg_constraint where confrelid::regclass::text = any($1) and contype = 'f' and not (conrelid::regclass::text = any($1))`,
    [tables],
  );
  const all = [...constraints, ...incoming];
  for (const c of all.filter((c) => c.type === 'f')) await client.query(`alter table ${c.table} drop constraint ${c.name}`);
  for (const c of all.filter((c) => c.type !== 'f')) await client.query(`alter table ${c.table} drop constraint ${c.name}`);
  for (const i of indexes) await client.query(`drop index ${i.name}`);
  return { constraints: all, indexes };
}

export async function restoreConstraintsAndIndexes(client: pg.ClientBase, saved: SavedDefinitions, log: (s: string) => void): Promise<void> {
  for (const c of saved.constraints.filter((c) => c.type !== 'f')) {
    const t0 = performance.now();
    await client.query(`alter table ${c.table} add constraint ${c.name} ${c.def}`);
    log(`  ${c.name} ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  for (const i of saved.indexes) {
    const t0 = performance.now();
    await client.query(i.def);
    log(`  ${i.name} ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  for (const c of saved.constraints.filter((c) => c.type === 'f')) {
    const t0 = performance.now();
    await client.query(`alter table ${c.table} add constraint ${c.name} ${c.def}`);
    log(`  ${c.name} ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
}

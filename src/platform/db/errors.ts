// PostgreSQL error codes, the same from PGlite and node-postgres (drizzle may wrap them in `cause`).
function pgCode(e: unknown): string | undefined {
  for (let cur = e as { code?: unknown; cause?: unknown } | undefined, i = 0; cur && i < 4; cur = cur.cause as typeof cur, i++) {
    if (typeof cur.code === 'string' && /^[0-9A-Z]{5}$/.test(cur.code)) return cur.code;
  }
  return undefined;
}
export const isUniqueViolation = (e: unknown) => pgCode(e) === '23505';
export const isForeignKeyViolation = (e: unknown) => pgCode(e) === '23503';

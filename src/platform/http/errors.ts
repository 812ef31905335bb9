// One error shape for the whole API: {"error":{"code","message","fields"?}}.
// Messages are English for API clients; the web app translates by `code` and field codes.
import { z } from 'zod';

export type FieldErrors = Record<string, string>;

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldErrors,
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, fields?: FieldErrors) => new HttpError(400, 'invalid_input', message, fields);
export const unauthorized = (message = 'Authentication required.', code = 'unauthorized') => new HttpError(401, code, message);
export const forbidden = (message = 'You may not do this.') => new HttpError(403, 'forbidden', message);
export const notFound = (message = 'Not found.') => new HttpError(404, 'not_found', message);
export const conflict = (message: string, code = 'conflict', extra?: Record<string, unknown>, fields?: FieldErrors) =>
  new HttpError(409, code, message, fields, extra);
export const tooManyRequests = (message = 'Too many requests; try again later.') => new HttpError(429, 'rate_limited', message);

export const errorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional(),
      current: z.unknown().optional(),
      allowed: z.array(z.string()).optional(),
      /** checklist_incomplete (closing a case): the checklist now, and whether acknowledging could approve it. */
      checklist: z.array(z.object({ code: z.string(), met: z.boolean() }).loose()).optional(),
      acknowledgeAllowed: z.boolean().optional(),
    }),
  })
  .meta({ id: 'Error' });

/** Standard error responses a route can declare next to its success schema. */
export function errors(...codes: (400 | 401 | 403 | 404 | 409 | 413 | 429 | 503)[]) {
  return Object.fromEntries(codes.map((c) => [c, errorBody])) as Record<number, typeof errorBody>;
}

/** What may be logged of an unexpected error: its kind, codes and stack frames, never its message. */
export function describeFailure(err: unknown) {
  const chain: { name?: string; code?: string }[] = [];
  for (let cur = err as { name?: string; code?: unknown; cause?: unknown } | undefined, i = 0; cur && i < 4; cur = cur.cause as typeof cur, i++)
    chain.push({ name: cur.name, code: typeof cur.code === 'string' ? cur.code : undefined });
  const frames = ((err as { stack?: string })?.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)).slice(0, 8);
  return { failure: chain, frames };
}

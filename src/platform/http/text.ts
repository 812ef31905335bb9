// Shared shapes of free text in request bodies.
import { z } from 'zod';

/** Optional text up to `max` characters, trimmed; empty or absent becomes null (a cleared field). */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((s) => (s ? s : null));

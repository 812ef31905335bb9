import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import type { BlindIndex } from '../crypto/blind-index.js';
import type { FieldCipher } from '../crypto/fields.js';

/** The Fastify instance with zod schemas as the type provider. */
export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** What every domain's routes are given. */
export interface Deps {
  database: Database;
  config: Config;
  cipher: FieldCipher;
  /** Keyed hashes for document look-up and duplicate matching. */
  lookup: BlindIndex;
  version: string;
}

// Configuration comes from the environment only; defaults suit a laptop.
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  encryptionKey: string | undefined;
  auditKey: string | undefined;
  lookupKey: string | undefined;
  /** Public base URL, used for the one-time setup link. */
  publicUrl: string;
  /** Secure cookies: on when the public URL is https. */
  secureCookies: boolean;
  /** Trust X-Forwarded-* from a reverse proxy (national deployment behind a load balancer). */
  trustProxy: boolean;
  logLevel: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const host = env.HOST ?? '127.0.0.1';
  const publicUrl = (env.PULANG_PUBLIC_URL ?? `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`).replace(/\/$/, '');
  return {
    port,
    host,
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    adminEmail: env.PULANG_ADMIN_EMAIL || undefined,
    adminPassword: env.PULANG_ADMIN_PASSWORD || undefined,
    encryptionKey: env.PULANG_ENCRYPTION_KEY || undefined,
    auditKey: env.PULANG_AUDIT_KEY || undefined,
    lookupKey: env.PULANG_LOOKUP_KEY || undefined,
    publicUrl,
    secureCookies: publicUrl.startsWith('https://'),
    trustProxy: env.PULANG_TRUST_PROXY === 'true',
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}

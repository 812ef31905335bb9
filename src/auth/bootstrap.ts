// The first system administrator: from PULANG_ADMIN_EMAIL/PASSWORD on an empty database, or
// through a one-time setup link printed on stdout. Once any user exists, neither happens again.
import type { Config } from '../platform/config.js';
import type { Db } from '../platform/db/client.js';
import { appendAudit } from '../audit/service.js';
import { createFirstAdmin, hasAnyUser, issueOneTimeToken } from './service.js';

export const SETUP_TTL_MS = 24 * 60 * 60 * 1000;

export async function bootstrapAdmin(db: Db, config: Config, print: (line: string) => void) {
  if (await hasAnyUser(db)) return;
  if (config.adminEmail && config.adminPassword) {
    await db.transaction(async (tx) => {
      const { user, org } = await createFirstAdmin(tx, {
        organization: { name: 'Sekretariat Pulang', acronym: 'PULANG' },
        displayName: 'Administrator',
        email: config.adminEmail!.trim().toLowerCase(),
        password: config.adminPassword!,
      });
      await appendAudit(tx, { action: 'auth.setup', outcome: 'success', actorKind: 'system', targetType: 'user', targetId: user.id, organizationId: org.id, details: { from: 'environment' } });
    });
    print('Created the first system administrator from PULANG_ADMIN_EMAIL; sign in and turn on two-factor authentication.');
    return;
  }
  const token = await issueOneTimeToken(db, 'setup', null, SETUP_TTL_MS);
  print('');
  print('Pulang has no administrator yet. Open this one-time link to create one (valid 24 hours):');
  print(`  ${config.publicUrl}/setup?token=${token}`);
  print('');
}

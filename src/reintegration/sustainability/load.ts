// Stores the default sustainability model (default-model.ts) at migration time, and makes it the
// active one while no model is active. Idempotent: a model already stored under its code and
// version is left as it is (stored definitions never change; a new one is a new version), and an
// administrator's choice of active model is never overridden.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { sustainabilityModels } from '../../platform/db/schema.js';
import { defaultModel } from './default-model.js';

export async function loadDefaultModel(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(sustainabilityModels)
      .values({ code: defaultModel.code, version: defaultModel.version, definition: defaultModel, active: false })
      .onConflictDoNothing({ target: [sustainabilityModels.code, sustainabilityModels.version] });
    const [active] = await tx.select({ id: sustainabilityModels.id }).from(sustainabilityModels).where(eq(sustainabilityModels.active, true)).limit(1);
    if (!active)
      await tx
        .update(sustainabilityModels)
        .set({ active: true })
        .where(sql`${sustainabilityModels.code} = ${defaultModel.code} and ${sustainabilityModels.version} = ${defaultModel.version}`);
  });
}

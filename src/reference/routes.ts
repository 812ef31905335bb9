import { and, asc, eq, ilike, isNull, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { errors } from '../platform/http/errors.js';
import { areas, countries } from '../platform/db/schema.js';
import type { App, Deps } from '../platform/http/types.js';

const tags = ['reference'];
const areaSchema = z.object({ code: z.string(), name: z.string(), level: z.string(), parentCode: z.string().nullable() }).meta({ id: 'Area' });
const countrySchema = z.object({ code: z.string(), nameId: z.string(), nameEn: z.string() }).meta({ id: 'Country' });

export async function referenceRoutes(app: App, deps: Deps) {
  const { db } = deps.database;
  app.get(
    '/areas',
    {
      schema: {
        tags,
        summary: 'Indonesian administrative areas (Kemendagri codes): children of a parent, or a search by name',
        security: [],
        querystring: z.object({
          parent: z.string().max(20).optional(),
          level: z.enum(['province', 'regency', 'district', 'village']).optional(),
          q: z.string().trim().min(2).max(60).optional(),
          code: z.string().max(20).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ items: z.array(areaSchema) }), ...errors(400) },
      },
      config: { auth: 'public' },
    },
    async (req) => {
      const { parent, level, q, code, limit } = req.query;
      const where: SQL[] = [];
      if (code) where.push(eq(areas.code, code));
      if (parent) where.push(eq(areas.parentCode, parent));
      else if (!q && !code && !level) where.push(isNull(areas.parentCode));
      if (level) where.push(eq(areas.level, level));
      if (q) where.push(ilike(areas.name, `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
      const items = await db
        .select({ code: areas.code, name: areas.name, level: areas.level, parentCode: areas.parentCode })
        .from(areas)
        .where(and(...where))
        .orderBy(asc(areas.code))
        .limit(limit);
      return { items };
    },
  );
  app.get(
    '/countries',
    { schema: { tags, summary: 'ISO 3166-1 countries with Indonesian and English names', security: [], response: { 200: z.object({ items: z.array(countrySchema) }) } }, config: { auth: 'public' } },
    async () => ({ items: await db.select().from(countries).orderBy(asc(countries.code)) }),
  );
}

// Services for the public directory's tests, written straight into the tables (the management
// API is another part's work; these tests depend only on the tables).
import { randomBytes } from 'node:crypto';
import { termByCode } from '../directory/taxonomy.js';
import { locations, organizations, serviceAtLocations, services } from '../platform/db/schema.js';
import type { Db } from '../platform/db/client.js';

export interface LocationFixture {
  name?: string;
  address?: string;
  areaCode: string;
  latitude?: number | null;
  longitude?: number | null;
  transportation?: string | null;
  accessibility?: string | null;
  postalCode?: string | null;
}

export type ServiceFixture = Partial<Omit<typeof services.$inferInsert, 'termIds' | 'organizationId'>> & {
  name: string;
  termCodes?: string[];
  organizationId?: string;
  organizationName?: string;
  locations?: LocationFixture[];
};

export const uniqueWord = (prefix = 'uji') => `${prefix}${randomBytes(4).toString('hex')}`;

/** An organisation, its service and the service's locations; search text as the directory keeps it (lower-cased words). */
export async function addService(db: Db, input: ServiceFixture): Promise<{ id: string; organizationId: string; locationIds: string[] }> {
  const { termCodes = ['shelter'], organizationId: givenOrg, organizationName, locations: locs = [], ...fields } = input;
  let organizationId = givenOrg;
  let orgName = organizationName ?? `Yayasan Uji ${randomBytes(3).toString('hex')}`;
  if (!organizationId) {
    const [o] = await db.insert(organizations).values({ name: orgName, type: 'ngo', level: 'regency' }).returning({ id: organizations.id });
    organizationId = o!.id;
  } else orgName = organizationName ?? '';
  const terms = termCodes.map((c) => termByCode.get(c)!);
  const searchText = [fields.name, fields.description ?? '', orgName, ...terms.map((t) => `${t.name.id} ${t.name.en}`)].join(' ').toLowerCase();
  const [s] = await db
    .insert(services)
    .values({ organizationId, termIds: terms.map((t) => t.id), searchText, ...fields })
    .returning({ id: services.id });
  const locationIds: string[] = [];
  for (const [i, l] of locs.entries()) {
    const [row] = await db
      .insert(locations)
      .values({
        organizationId,
        name: l.name ?? `Kantor ${i + 1}`,
        address: l.address ?? `Jl. Uji No. ${i + 1}`,
        areaCode: l.areaCode,
        latitude: l.latitude ?? null,
        longitude: l.longitude ?? null,
        transportation: l.transportation ?? null,
        accessibility: l.accessibility ?? null,
        postalCode: l.postalCode ?? null,
      })
      .returning({ id: locations.id });
    await db.insert(serviceAtLocations).values({ serviceId: s!.id, locationId: row!.id });
    locationIds.push(row!.id);
  }
  return { id: s!.id, organizationId, locationIds };
}

// Helpers for the case tests: persons written straight into the database (the person API is
// another module's), raw queries and a village of a given regency.
import { rawQuery } from '../../test/support/database.js';
import type { TestServer } from '../../test/support/server.js';
import { persons } from '../platform/db/schema.js';

export const query = (s: TestServer, text: string) => rawQuery(s.database, text) as Promise<Record<string, any>[]>;

export async function villageIn(s: TestServer, prefix: string): Promise<string> {
  const [v] = await query(s, `select code from areas where level = 'village' and code like '${prefix}.%' order by code limit 1`);
  return v.code as string;
}

export interface PersonSeed {
  organizationId: string;
  fullName?: string;
  sex?: 'female' | 'male';
  birthDate?: string;
  languages?: string[];
  homeVillageCode?: string | null;
  createdById?: string;
}

export async function seedPerson(s: TestServer, p: PersonSeed): Promise<string> {
  const [row] = await s.database.db
    .insert(persons)
    .values({
      organizationId: p.organizationId,
      fullNameEnc: s.cipher.encrypt(p.fullName ?? 'Siti Aminah'),
      sex: p.sex ?? 'female',
      birthKind: p.birthDate ? 'exact' : null,
      birthDate: p.birthDate ?? null,
      birthYear: p.birthDate ? Number(p.birthDate.slice(0, 4)) : null,
      nationality: 'ID',
      languages: p.languages ?? ['id'],
      homeVillageCode: p.homeVillageCode ?? null,
      homeProvinceCode: p.homeVillageCode ? p.homeVillageCode.slice(0, 2) : null,
      createdById: p.createdById ?? null,
    })
    .returning({ id: persons.id });
  return row.id;
}

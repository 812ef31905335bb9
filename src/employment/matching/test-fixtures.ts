// Fixtures for the profile and matching tests: openings written straight into the table (the
// openings service has its own tests), skills profiles through the API, job_matching consents
// through the API.
import { randomBytes } from 'node:crypto';
import { employmentOpenings } from '../../platform/db/schema.js';
import type { Client, TestServer, TestUser } from '../../../test/support/server.js';
import { openingMatchKeys } from './keys.js';

export type Signed = Client & { user: TestUser };

/** An opening written into the table, published unless told, with its match keys. */
export async function makeOpening(
  s: TestServer,
  input: Partial<typeof employmentOpenings.$inferInsert> & { organizationId: string; occupation: string; sector: string },
): Promise<{ id: string; title: string }> {
  const values = {
    kind: 'job',
    status: 'published',
    title: `Lowongan ${randomBytes(3).toString('hex')}`,
    areaCode: '35.07',
    remote: false,
    requiredSkills: [],
    requiredCertificates: [],
    commitments: ['no_fees', 'no_document_retention', 'written_contract'],
    publishedAt: new Date(),
    ...input,
  };
  const [row] = await s.database.db
    .insert(employmentOpenings)
    .values({
      ...values,
      provinceCode: values.areaCode ? values.areaCode.slice(0, 2) : null,
      matchKeys: openingMatchKeys({
        occupation: values.occupation,
        sector: values.sector,
        areaCode: values.areaCode ?? null,
        remote: values.remote ?? false,
        requiredSkills: values.requiredSkills,
        requiredCertificates: values.requiredCertificates as string[],
      }),
    })
    .returning({ id: employmentOpenings.id, title: employmentOpenings.title });
  return row;
}

/** A skills profile body: Sri's, a caregiver back from four years in Taiwan, unless told otherwise. */
export function profileBody(extra: Record<string, unknown> = {}) {
  return {
    seeking: ['employment'],
    workHistory: [
      { country: 'TW', sector: 'T97', occupation: '5322', years: 4 },
      { country: 'ID', sector: 'G47', occupation: '5223', years: 1.5 },
    ],
    skills: [
      { code: 'elderly_care', level: 'advanced' },
      { code: 'cooking', level: 'intermediate' },
    ],
    languages: ['id', 'jv', 'zh'],
    education: 'junior_secondary',
    certificates: [{ code: 'caregiver', country: 'TW', year: 2023 }],
    preferredSectors: ['Q87'],
    preferredAreaCodes: ['35.07'],
    willingToRelocate: false,
    constraints: ['care_duties'],
    constraintsNote: 'Merawat ibu yang sakit stroke di rumah.',
    availableFrom: null,
    notes: 'Ingin bekerja dekat rumah, tidak mau ke luar negeri lagi.',
    ...extra,
  };
}

/** A skills profile saved through the API (created, or replaced at `version`). */
export async function saveProfile(by: Signed, caseId: string, extra: Record<string, unknown> = {}) {
  const res = await by.request('PUT', `/api/v1/cases/${caseId}/skills-profile`, profileBody(extra));
  if (res.status !== 201 && res.status !== 200) throw new Error(`profile: ${res.status} ${res.text}`);
  return res.body as { id: string; version: number };
}

/** A job_matching decision through the API: a named partner, or every organisation of a type. */
export async function jobMatchingConsent(
  by: Signed,
  caseId: string,
  opts: { organizationId?: string; organizationType?: string; decision?: 'given' | 'refused'; givenAt?: string } = {},
) {
  const res = await by.post(`/api/v1/cases/${caseId}/consents`, {
    purpose: 'job_matching',
    ...(opts.organizationId ? { recipientOrganizationId: opts.organizationId } : { recipientOrganizationType: opts.organizationType ?? 'private_sector' }),
    sharedFields: ['name', 'sex', 'age', 'languages', 'skills'],
    decision: opts.decision ?? 'given',
    method: 'signed',
    givenBy: 'Sri',
    givenAt: opts.givenAt ?? new Date(Date.now() - 3_600_000).toISOString(),
  });
  if (res.status !== 201) throw new Error(`consent: ${res.status} ${res.text}`);
  return res.body as { id: string };
}

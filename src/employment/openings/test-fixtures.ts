// Fixtures for the partner and opening tests: partner organisations with signed-in users who have
// accepted the code of conduct (through the API), and a complete job and training place to post.
import type { Client, TestServer, TestUser } from '../../../test/support/server.js';
import { codeOfConduct } from '../vocabulary.js';

export type Signed = Client & { user: TestUser };

/** A private-sector partner organisation. */
export const partnerOrg = (s: TestServer, partnerKind = 'employer', areaCode = '32.12') =>
  s.org({ type: 'private_sector', level: 'regency', areaCode, partnerKind });

/** A partner user of the organisation, signed in; `accepted` (default) has accepted the current code of conduct. */
export async function partnerUser(s: TestServer, organizationId: string, accepted = true): Promise<Signed> {
  const c = await s.signedIn({ organizationId, roles: ['private_partner'] });
  if (accepted) {
    const res = await c.post('/api/v1/partner/code-of-conduct/acceptance', { version: codeOfConduct.version });
    if (res.status !== 200) throw new Error(`code acceptance failed: ${res.status} ${res.text}`);
  }
  return c;
}

/** A date `days` from today in Jakarta, YYYY-MM-DD. */
export const dayFromToday = (days: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
};

/** A complete job in Indramayu that can be published as is. */
export const job = (over: Record<string, unknown> = {}) => ({
  kind: 'job',
  title: 'Operator mesin jahit',
  description: 'Menjahit pakaian jadi untuk ekspor.',
  sector: 'C14',
  occupation: '8153',
  areaCode: '32.12',
  places: 5,
  wageMinIdr: 2_800_000,
  wageMaxIdr: 3_400_000,
  contractType: 'fixed_term',
  hoursPerWeek: 40,
  workingHours: 'Senin–Jumat 08.00–16.00',
  requiredSkills: [{ code: 'sewing', level: 'intermediate' }],
  requiredLanguages: ['id'],
  minEducation: 'junior_secondary',
  requiredCertificates: [],
  accommodation: 'help_finding',
  startOn: dayFromToday(14),
  closesOn: dayFromToday(30),
  commitments: ['no_fees', 'no_document_retention', 'written_contract'],
  ...over,
});

/** A training place in Malang. */
export const training = (over: Record<string, unknown> = {}) => ({
  kind: 'training',
  title: 'Pelatihan tata boga',
  sector: 'P',
  occupation: '5120',
  areaCode: '35.07',
  places: 20,
  requiredSkills: [],
  startOn: dayFromToday(10),
  closesOn: dayFromToday(40),
  durationWeeks: 8,
  costIdr: 0,
  certificateAwarded: 'food_handling',
  ...over,
});

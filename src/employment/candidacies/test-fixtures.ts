// Fixtures for the candidacy and placement tests: the referral world (Dinsos, NGOs) plus two
// private-sector partners with signed-in partner users who accepted the code of conduct, openings
// and skills profiles written straight into their tables (openings and profiles have their own
// tests), and job_matching consents recorded through the API.
import { randomBytes } from 'node:crypto';
import { codeOfConductAcceptances, employmentOpenings, skillsProfiles } from '../../platform/db/schema.js';
import { FULL_NAME, hoursAgo, makeWorld, referralCase, type Signed, type World } from '../../referrals/test-fixtures.js';
import { codeOfConduct } from '../vocabulary.js';

export interface EmploymentWorld extends World {
  employer: { id: string; name: string };
  employer2: { id: string; name: string };
  partner: Signed;
  partner2: Signed;
  /** A partner user of the employer who has not accepted the code of conduct. */
  newcomer: Signed;
}

export async function acceptCode(w: World, user: Signed) {
  await w.s.database.db.insert(codeOfConductAcceptances).values({ userId: user.user.id, organizationId: user.user.organizationId, version: codeOfConduct.version });
}

export async function makeEmploymentWorld(): Promise<EmploymentWorld> {
  const w = await makeWorld();
  const employer = await w.s.org({ type: 'private_sector', level: 'regency', partnerKind: 'employer', name: `PT Karya ${randomBytes(3).toString('hex')}` });
  const employer2 = await w.s.org({ type: 'private_sector', level: 'regency', partnerKind: 'employer', name: `PT Lain ${randomBytes(3).toString('hex')}` });
  const [partner, partner2, newcomer] = await Promise.all([
    w.s.signedIn({ organizationId: employer.id, roles: ['private_partner'], displayName: 'HRD Karya' }),
    w.s.signedIn({ organizationId: employer2.id, roles: ['private_partner'] }),
    w.s.signedIn({ organizationId: employer.id, roles: ['private_partner'] }),
  ]);
  await acceptCode(w, partner);
  await acceptCode(w, partner2);
  return { ...w, employer, employer2, partner, partner2, newcomer };
}

/** A published job opening of the organisation, open for matching unless told otherwise. */
export async function makeOpening(w: World, organizationId: string, input: Partial<typeof employmentOpenings.$inferInsert> = {}) {
  const [o] = await w.s.database.db
    .insert(employmentOpenings)
    .values({
      organizationId,
      kind: 'job',
      status: 'published',
      title: `Operator jahit ${randomBytes(2).toString('hex')}`,
      sector: 'C14',
      occupation: '7533',
      areaCode: '32.12',
      provinceCode: '32',
      places: 3,
      wageMinIdr: 2_500_000,
      wageMaxIdr: 3_000_000,
      contractType: 'fixed_term',
      requiredSkills: [{ code: 'sewing', level: 'intermediate' }],
      publishedAt: new Date(),
      ...input,
    })
    .returning({ id: employmentOpenings.id, title: employmentOpenings.title });
  return o;
}

/** The case's skills profile, written straight into the table. */
export async function makeProfile(w: World, caseId: string, input: Partial<typeof skillsProfiles.$inferInsert> = {}) {
  const [p] = await w.s.database.db
    .insert(skillsProfiles)
    .values({
      caseId,
      organizationId: w.dinsos.id,
      seeking: ['employment'],
      workHistory: [{ country: 'MY', sector: 'C14', occupation: '7533', years: 3, abroad: true }],
      skills: [{ code: 'sewing', level: 'advanced' }],
      languages: ['id', 'jv', 'ms'],
      education: 'junior_secondary',
      certificates: [],
      preferredSectors: ['C14'],
      preferredAreaCodes: ['32.12'],
      willingToRelocate: true,
      constraints: ['care_duties'],
      constraintsNoteEnc: w.s.cipher.encrypt('Merawat ibu yang sakit'),
      ...input,
    })
    .returning({ id: skillsProfiles.id });
  return p;
}

/** Records a job_matching decision through the API: by default for every private-sector partner. */
export async function recordJobConsent(
  w: World,
  caseId: string,
  opts: { organizationId?: string; organizationType?: string; fields?: string[]; decision?: 'given' | 'refused'; by?: Signed } = {},
) {
  const res = await (opts.by ?? w.worker).post(`/api/v1/cases/${caseId}/consents`, {
    purpose: 'job_matching',
    ...(opts.organizationId ? { recipientOrganizationId: opts.organizationId } : { recipientOrganizationType: opts.organizationType ?? 'private_sector' }),
    sharedFields: opts.fields ?? ['name', 'sex', 'age', 'languages', 'skills'],
    decision: opts.decision ?? 'given',
    method: 'signed',
    givenBy: FULL_NAME,
    givenAt: hoursAgo(24),
  });
  if (res.status !== 201) throw new Error(`consent: ${res.status} ${res.text}`);
  return res.body as { id: string; version?: number };
}

/** A case of the case worker ready to be put forward: a person with every field, a profile, a job_matching consent. */
export async function readyCase(w: World, opts: { consentFields?: string[]; worker?: Signed; profile?: boolean; consent?: boolean } = {}) {
  const c = await referralCase(w, { worker: opts.worker });
  if (opts.profile !== false) await makeProfile(w, c.id);
  if (opts.consent !== false) await recordJobConsent(w, c.id, { fields: opts.consentFields, by: opts.worker });
  return c;
}

export const putForwardBody = (openingId: string, extra: Record<string, unknown> = {}) => ({
  openingId,
  message: 'Ibu ini berpengalaman menjahit tiga tahun di Malaysia.',
  ...extra,
});

/** Puts a ready case forward for a new opening of the employer; returns both and the candidacy. */
export async function putForward(w: EmploymentWorld, opts: { extra?: Record<string, unknown>; consentFields?: string[]; openingOf?: string } = {}) {
  const c = await readyCase(w, { consentFields: opts.consentFields });
  const opening = await makeOpening(w, opts.openingOf ?? w.employer.id);
  const res = await w.worker.post(`/api/v1/cases/${c.id}/candidacies`, putForwardBody(opening.id, opts.extra));
  if (res.status !== 201) throw new Error(`put forward: ${res.status} ${res.text}`);
  return { case: c, opening, candidacy: res.body as Record<string, any> };
}

// Synthetic demo data: organisations of the network and one user per role. Every name here is
// invented; none belongs to a real person. Later capabilities add their own demo records here.
import type { BlindIndex } from '../platform/crypto/blind-index.js';
import { seedDemoCases } from './cases.js';
import { seedDemoDirectory } from './directory.js';
import { seedDemoReferrals } from './referrals.js';
import { seedDemoPlans } from './plans.js';
import { seedDemoJourneys } from './journeys.js';
import { seedDemoTransfers } from './transfers.js';
import { seedDemoSurveys } from './surveys.js';
import { seedDemoLegal } from './legal.js';
import { seedDemoEmployment } from './employment.js';
import { hashPassword } from '../auth/passwords.js';
import { newTotpSecret } from '../auth/totp.js';
import { appendAudit } from '../audit/service.js';
import type { FieldCipher } from '../platform/crypto/fields.js';
import type { Db } from '../platform/db/client.js';
import { organizations, users } from '../platform/db/schema.js';
import type { Role } from '../policy/policy.js';

export const DEMO_PASSWORD = 'Pulang-Demo-Sandi-2026';

export const demoOrganizations = [
  { key: 'gt', name: 'Sekretariat Gugus Tugas PP-TPPO', acronym: 'GT PP-TPPO', type: 'ministry', level: 'national', areaCode: '31' },
  { key: 'dinsos', name: 'Dinas Sosial Provinsi Jawa Timur', acronym: 'Dinsos Jatim', type: 'local_government', level: 'province', areaCode: '35' },
  // Receives returnees at Juanda airport and Tanjung Perak, then hands cases over to the social office near home.
  { key: 'bp3mi', name: 'Balai Pelayanan Pelindungan Pekerja Migran Indonesia Jawa Timur', acronym: 'BP3MI Jatim', type: 'ministry', level: 'province', areaCode: '35' },
  { key: 'ngo', name: 'Yayasan Bina Pulih Nusantara', acronym: 'YBPN', type: 'ngo', level: 'regency', areaCode: '33.29' },
  { key: 'io', name: 'Organisasi Migrasi Internasional (contoh)', acronym: 'OMI', type: 'international', level: 'national', areaCode: '31' },
  { key: 'ps', name: 'PT Karya Mandiri Sejahtera', acronym: 'KMS', type: 'private_sector', level: 'regency', areaCode: '32.12', partnerKind: 'employer' },
  // A vocational school in Malang: offers training places to returnees.
  { key: 'lpk', name: 'LPK Terampil Mandiri Malang', acronym: 'LPK TM', type: 'private_sector', level: 'regency', areaCode: '35.07', partnerKind: 'vocational_school' },
  { key: 'kom', name: 'Paguyuban Purna Migran Desa Sukamaju', acronym: null, type: 'community', level: 'regency', areaCode: '35.07' },
] as const;

export const demoPeople: { role: Role; org: (typeof demoOrganizations)[number]['key']; name: string; email: string }[] = [
  { role: 'system_admin', org: 'gt', name: 'Rina Wulandari', email: 'admin@demo.pulang.example' },
  { role: 'org_admin', org: 'dinsos', name: 'Bambang Sutrisno', email: 'orgadmin@demo.pulang.example' },
  { role: 'supervisor', org: 'dinsos', name: 'Dewi Lestari', email: 'supervisor@demo.pulang.example' },
  { role: 'case_worker', org: 'dinsos', name: 'Siti Nurhaliza Rahman', email: 'caseworker@demo.pulang.example' },
  { role: 'supervisor', org: 'bp3mi', name: 'Wahyu Hidayat', email: 'supervisor.bp3mi@demo.pulang.example' },
  { role: 'case_worker', org: 'bp3mi', name: 'Nur Aini Fitriani', email: 'caseworker.bp3mi@demo.pulang.example' },
  { role: 'service_focal_point', org: 'ngo', name: 'Yohanes Kefi', email: 'focalpoint@demo.pulang.example' },
  { role: 'private_partner', org: 'ps', name: 'Agus Setiawan', email: 'partner@demo.pulang.example' },
  { role: 'private_partner', org: 'lpk', name: 'Retno Wahyuningsih', email: 'partner.lpk@demo.pulang.example' },
  { role: 'analyst', org: 'gt', name: 'Made Ayu Pratiwi', email: 'analyst@demo.pulang.example' },
  { role: 'auditor', org: 'gt', name: 'Hendra Gunawan', email: 'auditor@demo.pulang.example' },
];

/**
 * Seeds the demo organisations and users, then synthetic persons and cases for the social-affairs
 * office (its case worker's worklist, a queue for its supervisor); returns the system
 * administrator's TOTP secret.
 */
export async function seedDemo(db: Db, cipher: FieldCipher, lookup: BlindIndex, adminTotpSecret = newTotpSecret()): Promise<{ adminTotpSecret: string }> {
  const hash = await hashPassword(DEMO_PASSWORD);
  const ids: Record<string, string> = {};
  await db.transaction(async (tx) => {
    for (const o of demoOrganizations) {
      const { key, ...values } = o;
      const [row] = await tx.insert(organizations).values(values).returning({ id: organizations.id });
      ids[key] = row.id;
    }
    for (const p of demoPeople) {
      const isAdmin = p.role === 'system_admin';
      const [u] = await tx
        .insert(users)
        .values({
          organizationId: ids[p.org],
          email: p.email,
          displayName: p.name,
          roles: [p.role],
          status: 'active',
          passwordHash: hash,
          passwordChangedAt: new Date(),
          totpSecret: isAdmin ? cipher.encrypt(adminTotpSecret) : null,
          totpEnabledAt: isAdmin ? new Date() : null,
        })
        .returning({ id: users.id });
      await appendAudit(tx, { action: 'user.create', outcome: 'success', actorKind: 'system', targetType: 'user', targetId: u.id, organizationId: ids[p.org], details: { from: 'demo' } });
    }
  });
  await seedDemoDirectory(db, ids);
  const { caseIds } = await seedDemoCases(db, cipher, lookup, ids.dinsos!);
  await seedDemoReferrals(db, cipher, { fromOrganizationId: ids.dinsos!, toOrganizationId: ids.ngo!, caseIds });
  await seedDemoPlans(db, cipher, { organizationId: ids.dinsos!, caseIds });
  await seedDemoJourneys(db, cipher, { organizationId: ids.dinsos!, receptionOrganizationId: ids.bp3mi!, caseIds });
  const surveyed = await seedDemoSurveys(db, cipher, { organizationId: ids.dinsos!, caseIds });
  await seedDemoLegal(db, cipher, { organizationId: ids.dinsos!, caseIds, skipCaseIds: Object.values(surveyed) });
  await seedDemoTransfers(db, cipher, lookup, { bp3miId: ids.bp3mi!, dinsosId: ids.dinsos!, dinsosCaseIds: caseIds });
  await seedDemoEmployment(db, cipher, { ids, caseIds });
  return { adminTotpSecret };
}

// Shapes of the Pulang API (see the OpenAPI document served by the server).

export type Locale = 'id' | 'en';
export const locales: readonly Locale[] = ['id', 'en'];

export type Reach = 'all' | 'organization' | 'self';

export const actions = [
  'organization.read',
  'organization.create',
  'organization.update',
  'organization.deactivate',
  'user.read',
  'user.create',
  'user.update',
  'user.deactivate',
  'audit.read',
  'audit.verify',
  'apiToken.manageOwn',
  'apiToken.manageService',
  'person.read',
  'person.create',
  'person.update',
  'person.match',
  'person.merge',
  'case.read',
  'case.create',
  'case.update',
  'case.readSensitive',
  'case.assign',
  'case.determine',
  'directory.manage',
  'directory.updateCapacity',
  'referral.send',
  'referral.override',
  'referral.review',
  'referral.readIncoming',
  'referral.respond',
  'plan.approve',
  'case.approveClosure',
  'case.transfer',
  'transfer.respond',
  'case.readTransferred',
  'journey.readDue',
  'groupActivity.manage',
  'sustainability.manageModels',
  'partner.acceptCode',
  'partner.suspend',
  'opening.manage',
  'opening.read',
  'opening.matchCases',
  'candidacy.readIncoming',
  'candidacy.respond',
  'employment.report',
] as const;
export type Action = (typeof actions)[number];

export const roles = [
  'system_admin',
  'org_admin',
  'supervisor',
  'case_worker',
  'service_focal_point',
  'private_partner',
  'analyst',
  'auditor',
] as const;
export type Role = (typeof roles)[number];

export interface Me {
  user: { id: string; email: string; displayName: string; locale: Locale; kind: 'person' | 'service'; totpEnabled: boolean };
  organization: { id: string; name: string; acronym: string | null };
  roles: Role[];
  permissions: Partial<Record<Action, Reach>>;
  assignableRoles: Role[];
  apiScopes: string[];
  totpRequired: boolean;
  session: { expiresAt: string };
}

export interface Page<T> {
  items: T[];
  total: number;
}

export const organizationTypes = ['ministry', 'local_government', 'ngo', 'international', 'private_sector', 'community'] as const;
export type OrganizationType = (typeof organizationTypes)[number];
export const organizationLevels = ['national', 'province', 'regency'] as const;
export type OrganizationLevel = (typeof organizationLevels)[number];

export interface Organization {
  id: string;
  name: string;
  acronym: string | null;
  type: OrganizationType;
  level: OrganizationLevel;
  areaCode: string | null;
  areaName: string | null;
  parentId: string | null;
  parentName: string | null;
  /** Public profile shown in the service directory. */
  description: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const userStatuses = ['pending', 'active', 'deactivated'] as const;
export type UserStatus = (typeof userStatuses)[number];
export type UserKind = 'person' | 'service';

export interface User {
  id: string;
  email: string;
  displayName: string;
  organizationId: string;
  organizationName: string;
  kind: UserKind;
  roles: Role[];
  status: UserStatus;
  locale: Locale;
  /** Languages the user works in (ISO 639 codes such as id, jv, mad), for the case assignment suggestion. */
  languages: string[];
  /** Kemendagri area codes the user covers (province 33, regency 33.01, …), for the case assignment suggestion. */
  areaCodes: string[];
  totpEnabled: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  deactivatedAt: string | null;
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
}

export const auditOutcomes = ['success', 'failure', 'denied'] as const;
export interface AuditEvent {
  seq: number;
  at: string;
  actorId: string | null;
  actorKind: string | null;
  organizationId: string | null;
  action: string;
  outcome: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  details: unknown;
}

export interface AuditVerification {
  intact: boolean;
  checked: number;
  lastSeq: number | null;
  brokenAt?: number;
  reason?: string;
}

export const areaLevels = ['province', 'regency', 'district', 'village'] as const;
export type AreaLevel = (typeof areaLevels)[number];
export interface Area {
  code: string;
  name: string;
  level: AreaLevel;
  parentCode: string | null;
}

// Cases (the vocabularies mirror src/cases/*.ts; the API validates against those).
export const stages = ['intake', 'screening', 'assessment', 'return_planning', 'in_return', 'reintegration', 'monitoring', 'closed', 'reopened'] as const;
export type Stage = (typeof stages)[number];
export const caseTypes = ['victim_of_trafficking', 'presumed_victim', 'vulnerable_migrant', 'stranded_migrant', 'unaccompanied_or_separated_child'] as const;
export type CaseType = (typeof caseTypes)[number];
export const directions = ['inbound', 'outbound'] as const;
export type Direction = (typeof directions)[number];
export const riskLevels = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof riskLevels)[number];
export const caseFlags = ['child', 'urgent_medical', 'security_risk'] as const;
export type CaseFlag = (typeof caseFlags)[number];
export const priorityBands = ['routine', 'elevated', 'urgent', 'critical'] as const;
export type PriorityBand = (typeof priorityBands)[number];

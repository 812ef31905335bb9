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

import { describe, expect, it } from 'vitest';
import { actions, assignableRoles, can, permissionsOf, reachOf, roles, rolesGrantableBy, scopes, scopesUsableBy, totpRequiredFor, type Actor, type Role } from './policy.js';

const ORG = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const actor = (rs: Role[], extra: Partial<Actor> = {}): Actor => ({ userId: 'u-self', organizationId: ORG, roles: rs, kind: 'person', ...extra });

describe('deny by default', () => {
  it('an actor with no roles may do nothing', () => {
    const none = actor([]);
    for (const a of actions) expect(reachOf(none, a)).toBeNull();
    expect(permissionsOf(none)).toEqual({});
  });

  it('an unknown role grants nothing', () => {
    const odd = actor(['janitor' as Role]);
    expect(can(odd, 'organization.read')).toBe(false);
  });

  it('a case worker may not create users, read the audit log or create organisations', () => {
    const cw = actor(['case_worker']);
    expect(can(cw, 'user.create', { organizationId: ORG })).toBe(false);
    expect(can(cw, 'audit.read')).toBe(false);
    expect(can(cw, 'organization.create')).toBe(false);
  });
});

describe('reach', () => {
  it('a case worker reads every organisation but only their own user record', () => {
    const cw = actor(['case_worker']);
    expect(reachOf(cw, 'organization.read')).toBe('all');
    expect(reachOf(cw, 'user.read')).toBe('self');
    expect(can(cw, 'user.read', { userId: 'u-self', organizationId: ORG })).toBe(true);
    expect(can(cw, 'user.read', { userId: 'u-colleague', organizationId: ORG })).toBe(false);
  });

  it('an organisation administrator reaches their own organisation only', () => {
    const oa = actor(['org_admin']);
    expect(reachOf(oa, 'user.update')).toBe('organization');
    expect(can(oa, 'user.update', { organizationId: ORG, userId: 'x' })).toBe(true);
    expect(can(oa, 'user.update', { organizationId: OTHER, userId: 'x' })).toBe(false);
    expect(can(oa, 'user.update', { organizationId: null })).toBe(false);
  });

  it('a system administrator reaches every administrative action but no case record and no referral', () => {
    const sa = actor(['system_admin']);
    // Openings and candidacies belong to partners; the code of conduct is signed by partners themselves.
    const caseRecord = (a: string) =>
      ['person.', 'case.', 'referral.', 'plan.', 'transfer.', 'journey.', 'opening.', 'candidacy.'].some((p) => a.startsWith(p)) ||
      a === 'groupActivity.manage' ||
      a === 'partner.acceptCode';
    for (const a of actions.filter((a) => !caseRecord(a))) expect(reachOf(sa, a)).not.toBeNull();
    for (const a of actions.filter(caseRecord)) expect(reachOf(sa, a)).toBeNull();
    expect(can(sa, 'user.deactivate', { organizationId: OTHER })).toBe(true);
  });

  it('a case worker reaches the cases assigned to them; a supervisor those of the organisation', () => {
    const cw = actor(['case_worker']);
    expect(can(cw, 'case.read', { organizationId: ORG, userIds: [cw.userId] })).toBe(true);
    expect(can(cw, 'case.read', { organizationId: ORG, userIds: ['someone-else'] })).toBe(false);
    expect(can(cw, 'case.read', { organizationId: ORG })).toBe(false);
    expect(can(cw, 'case.assign', { organizationId: ORG, userIds: [cw.userId] })).toBe(false);
    expect(can(cw, 'case.create', { organizationId: ORG })).toBe(true);
    expect(can(cw, 'case.create', { organizationId: OTHER })).toBe(false);
    const sv = actor(['supervisor']);
    expect(can(sv, 'case.read', { organizationId: ORG })).toBe(true);
    expect(can(sv, 'case.read', { organizationId: OTHER })).toBe(false);
    expect(can(sv, 'case.determine', { organizationId: ORG })).toBe(true);
    for (const r of ['org_admin', 'analyst', 'auditor', 'service_focal_point', 'private_partner'] as const)
      expect(reachOf(actor([r]), 'case.read')).toBeNull();
  });

  it('the widest reach among several roles wins', () => {
    const both = actor(['case_worker', 'supervisor']);
    expect(reachOf(both, 'user.read')).toBe('organization');
    expect(reachOf(actor(['auditor', 'org_admin']), 'audit.read')).toBe('organization');
  });

  it('an auditor reads the audit log of their organisation and verifies the whole chain', () => {
    const au = actor(['auditor']);
    expect(reachOf(au, 'audit.read')).toBe('organization');
    expect(reachOf(au, 'audit.verify')).toBe('all');
  });
});

describe('API token scopes', () => {
  it('a token may do only what both its scopes and its owner’s roles allow', () => {
    const sa = actor(['system_admin'], { scopes: ['organizations:read'] });
    expect(reachOf(sa, 'organization.read')).toBe('all');
    expect(reachOf(sa, 'organization.create')).toBeNull();
    expect(reachOf(sa, 'user.read')).toBeNull();
    const cw = actor(['case_worker'], { scopes: ['organizations:write'] });
    expect(reachOf(cw, 'organization.create')).toBeNull();
  });

  it('a token with no scopes may do nothing', () => {
    const t = actor(['system_admin'], { scopes: [] });
    for (const a of actions) expect(reachOf(t, a)).toBeNull();
  });

  it('a token never manages tokens, whatever its scopes', () => {
    const t = actor(['system_admin'], { scopes: [...scopes] });
    expect(reachOf(t, 'apiToken.manageOwn')).toBeNull();
    expect(reachOf(t, 'apiToken.manageService')).toBeNull();
  });

  it('offers each role only the scopes its grants can use', () => {
    expect(scopesUsableBy(actor(['case_worker']))).toEqual([
      'organizations:read',
      'users:read',
      'persons:read',
      'persons:write',
      'cases:read',
      'cases:write',
      'referrals:write',
      'employment:read',
    ]);
    expect(scopesUsableBy(actor(['private_partner']))).toEqual(['organizations:read', 'users:read', 'employment:read', 'employment:write']);
    expect(scopesUsableBy(actor(['service_focal_point']))).toEqual(['organizations:read', 'users:read', 'cases:read', 'directory:write', 'referrals:read', 'referrals:write']);
    expect(scopesUsableBy(actor(['analyst']))).toEqual(['organizations:read', 'users:read', 'employment:read']);
    expect(scopesUsableBy(actor(['auditor']))).toEqual(['organizations:read', 'users:read', 'audit:read']);
    expect(scopesUsableBy(actor(['org_admin']))).toEqual(['organizations:read', 'organizations:write', 'users:read', 'users:write', 'directory:write', 'employment:read']);
    expect(scopesUsableBy(actor(['system_admin']))).toEqual(['organizations:read', 'organizations:write', 'users:read', 'users:write', 'audit:read', 'directory:write', 'employment:read']);
    expect(new Set([...scopesUsableBy(actor(['system_admin'])), ...scopesUsableBy(actor(['supervisor'])), ...scopesUsableBy(actor(['private_partner']))])).toEqual(new Set(scopes));
    expect(scopesUsableBy(actor([]))).toEqual([]);
  });

  it("judges usable scopes by the roles, not by the token's own scopes", () => {
    expect(scopesUsableBy(actor(['org_admin'], { scopes: ['organizations:read'] }))).toContain('users:write');
  });
});

describe('granting roles', () => {
  it('only a system administrator grants system_admin', () => {
    expect(rolesGrantableBy(['system_admin'])).toEqual(roles);
    expect(rolesGrantableBy(['org_admin'])).not.toContain('system_admin');
    expect(rolesGrantableBy(['org_admin'])).toHaveLength(roles.length - 1);
  });
});

describe('roles an actor may put on accounts, and who needs a second factor', () => {
  it('offers every role to a system administrator, all but system administrator to an organisation administrator, none to others', () => {
    expect(assignableRoles(actor(['system_admin']))).toEqual([...roles]);
    expect(assignableRoles(actor(['org_admin']))).toEqual(roles.filter((r) => r !== 'system_admin'));
    expect(assignableRoles(actor(['supervisor', 'case_worker']))).toEqual([]);
    // A token without a users scope cannot assign roles either.
    expect(assignableRoles(actor(['org_admin'], { scopes: ['organizations:read'] }))).toEqual([]);
  });

  it('requires two-factor of system administrators only', () => {
    expect(totpRequiredFor(['system_admin', 'auditor'])).toBe(true);
    expect(totpRequiredFor(['org_admin', 'supervisor', 'case_worker', 'auditor'])).toBe(false);
  });
});

// The one place that decides who may do what. Deny by default: an action not listed for a
// role is refused. Every service asks here (through `ctx.require` / `ctx.scope`); no route
// checks roles by hand. A refused read of a record answers 404 so that IDs cannot be probed.

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

/** How far an allowed action reaches. */
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
  // Persons and cases. A case worker's reach is `self`: the cases assigned to them (or, while
  // unassigned, that they registered) and the persons of those cases. Need to know: administrators,
  // analysts and auditors never read case records; analysts get de-identified figures instead.
  'person.read',
  'person.create',
  'person.update',
  'person.match',
  'person.merge',
  'case.read',
  'case.create',
  'case.update',
  /** Sensitive notes: their author always sees them; otherwise only this action's holders. */
  'case.readSensitive',
  /** The queue of unassigned cases, caseloads, assignment and reassignment. */
  'case.assign',
  /** The trafficking determination (presumed, confirmed, not a victim). */
  'case.determine',
  // The service directory: an organisation keeps its own services and locations; capacity is
  // also updated by those who take referrals in. The public directory needs no action.
  'directory.manage',
  'directory.updateCapacity',
  // Referrals. Sending and reading sent referrals go with the case (target: the case); the
  // receiving side works on the organisation's inbox (target: the receiving organisation).
  'referral.send',
  /** Send without consent in a child's best interest or against a threat to life, flagged for review. */
  'referral.override',
  /** Mark an override as reviewed. */
  'referral.review',
  'referral.readIncoming',
  'referral.respond',
  // The journey home, the plan, the surveys and the legal track are parts of the case and go with
  // case.read / case.update. These are the steps that need more than that.
  /** Approve (or return) a version of a reintegration plan. Target: the case. */
  'plan.approve',
  /** Approve (or return) a request to close a case, against the closure checklist. Target: the case. */
  'case.approveClosure',
  /** Propose moving a case to another organisation, and withdraw the proposal. Target: the case. */
  'case.transfer',
  /** Accept or decline a case another organisation proposes to transfer. Target: the receiving organisation. */
  'transfer.respond',
  /** After a transfer, the sending organisation's read-only view of what it recorded. Target: the transfer's sending side. */
  'case.readTransferred',
  /** The returns due in the coming days: journeys of the organisation's cases and those it receives. Target: the organisation. */
  'journey.readDue',
  /** The organisation's group activities (peer groups, community businesses, awareness sessions). */
  'groupActivity.manage',
  /** Load a new version of the sustainability scoring model and choose the active one. */
  'sustainability.manageModels',
  // Employment. The skills profile, the matches of a case, putting a candidate forward
  // (referral.send) and the follow-ups of a placement are parts of the case and go with its actions.
  /** A partner user reads and accepts the code of conduct. Target: the user. */
  'partner.acceptCode',
  /** Suspend or reinstate a private-sector partner. Target: the partner organisation. */
  'partner.suspend',
  /** Write, publish and close openings and training places. Target: the offering organisation. */
  'opening.manage',
  /** Read openings: published ones across the network, and drafts of one's own organisation. Target: the offering organisation. */
  'opening.read',
  /** Rank the organisation's consenting cases as candidates for an opening. Target: the organisation whose cases are ranked. */
  'opening.matchCases',
  /** The candidates put forward to the organisation, their shared fields. Target: the receiving organisation. */
  'candidacy.readIncoming',
  /** Answer a candidacy (interview, offer, rejected, hired) and record the placement. Target: the receiving organisation. */
  'candidacy.respond',
  /** De-identified employment figures, small counts suppressed. Target: the organisation (its openings or its cases); `all` for the network. */
  'employment.report',
] as const;
export type Action = (typeof actions)[number];

type Grants = Partial<Record<Action, Reach>>;

const everyone: Grants = { 'organization.read': 'all', 'user.read': 'self', 'apiToken.manageOwn': 'self' };

const grants: Record<Role, Grants> = {
  system_admin: {
    ...everyone,
    'organization.create': 'all',
    'organization.update': 'all',
    'organization.deactivate': 'all',
    'user.read': 'all',
    'user.create': 'all',
    'user.update': 'all',
    'user.deactivate': 'all',
    'audit.read': 'all',
    'audit.verify': 'all',
    'apiToken.manageService': 'all',
    'directory.manage': 'all',
    'directory.updateCapacity': 'all',
    'sustainability.manageModels': 'all',
    'partner.suspend': 'all',
    'employment.report': 'all',
  },
  org_admin: {
    ...everyone,
    'organization.update': 'organization',
    'user.read': 'organization',
    'user.create': 'organization',
    'user.update': 'organization',
    'user.deactivate': 'organization',
    'apiToken.manageService': 'organization',
    'directory.manage': 'organization',
    'directory.updateCapacity': 'organization',
    'groupActivity.manage': 'organization',
    'employment.report': 'organization',
  },
  // Supervisors see their colleagues to assign and balance cases.
  supervisor: {
    ...everyone,
    'user.read': 'organization',
    'person.read': 'organization',
    'person.create': 'organization',
    'person.update': 'organization',
    'person.match': 'organization',
    'person.merge': 'organization',
    'case.read': 'organization',
    'case.create': 'organization',
    'case.update': 'organization',
    'case.readSensitive': 'organization',
    'case.assign': 'organization',
    'case.determine': 'organization',
    'directory.updateCapacity': 'organization',
    'referral.send': 'organization',
    'referral.override': 'organization',
    'referral.review': 'organization',
    'referral.readIncoming': 'organization',
    'referral.respond': 'organization',
    'plan.approve': 'organization',
    'case.approveClosure': 'organization',
    'case.transfer': 'organization',
    'transfer.respond': 'organization',
    'case.readTransferred': 'organization',
    'journey.readDue': 'organization',
    'groupActivity.manage': 'organization',
    'opening.read': 'all',
    'opening.matchCases': 'organization',
    'employment.report': 'organization',
  },
  case_worker: {
    ...everyone,
    'person.read': 'self',
    'person.create': 'organization',
    'person.update': 'self',
    'person.match': 'organization',
    'case.read': 'self',
    'case.create': 'organization',
    'case.update': 'self',
    'case.readSensitive': 'self',
    'referral.send': 'self',
    'case.transfer': 'self',
    'case.readTransferred': 'self',
    'journey.readDue': 'organization',
    'opening.read': 'all',
    'opening.matchCases': 'organization',
  },
  // Focal points take in what other organisations refer: the inbox, never the sender's case.
  service_focal_point: {
    ...everyone,
    'journey.readDue': 'organization',
    'directory.updateCapacity': 'organization',
    'referral.readIncoming': 'organization',
    'referral.respond': 'organization',
  },
  // Partners see their own openings and the candidates put forward to them, nothing else of any case.
  private_partner: {
    ...everyone,
    'partner.acceptCode': 'self',
    'opening.manage': 'organization',
    'opening.read': 'organization',
    'candidacy.readIncoming': 'organization',
    'candidacy.respond': 'organization',
    'employment.report': 'organization',
  },
  analyst: { ...everyone, 'employment.report': 'all' },
  auditor: { ...everyone, 'audit.read': 'organization', 'audit.verify': 'all' },
};

/** Roles an organisation administrator may hand out; system administrators are made only by system administrators. */
export const rolesGrantableBy = (actorRoles: readonly Role[]): readonly Role[] =>
  actorRoles.includes('system_admin') ? roles : roles.filter((r) => r !== 'system_admin');

/** Roles whose holders carry cases: they may be assigned one, and take one at registration. */
export const caseHolderRoles = ['case_worker', 'supervisor'] as const satisfies readonly Role[];
export const holdsCases = (actorRoles: readonly string[]) => caseHolderRoles.some((r) => actorRoles.includes(r));

/** Roles granted an action at any reach: for questions like "is there anyone there who can answer this?". */
export const rolesWith = (action: Action): Role[] => roles.filter((r) => grants[r][action]);

/** Roles whose holders must sign in with a second factor. */
export const totpRequiredFor = (actorRoles: readonly string[]) => actorRoles.includes('system_admin');

// API tokens carry scopes; a token may do only what both its owner's roles and its scopes allow.
export const scopes = [
  'organizations:read',
  'organizations:write',
  'users:read',
  'users:write',
  'audit:read',
  'persons:read',
  'persons:write',
  'cases:read',
  'cases:write',
  'directory:write',
  'referrals:read',
  'referrals:write',
  'employment:read',
  'employment:write',
] as const;
export type Scope = (typeof scopes)[number];
const scopeOfAction: Record<Action, Scope | null> = {
  'organization.read': 'organizations:read',
  'organization.create': 'organizations:write',
  'organization.update': 'organizations:write',
  'organization.deactivate': 'organizations:write',
  'user.read': 'users:read',
  'user.create': 'users:write',
  'user.update': 'users:write',
  'user.deactivate': 'users:write',
  'audit.read': 'audit:read',
  'audit.verify': 'audit:read',
  // Tokens never mint tokens: that needs a person's session.
  'apiToken.manageOwn': null,
  'apiToken.manageService': null,
  'person.read': 'persons:read',
  'person.create': 'persons:write',
  'person.update': 'persons:write',
  'person.match': 'persons:read',
  'person.merge': 'persons:write',
  'case.read': 'cases:read',
  'case.create': 'cases:write',
  'case.update': 'cases:write',
  'case.readSensitive': 'cases:read',
  'case.assign': 'cases:write',
  'case.determine': 'cases:write',
  'directory.manage': 'directory:write',
  'directory.updateCapacity': 'directory:write',
  'referral.send': 'referrals:write',
  'referral.override': 'referrals:write',
  'referral.review': 'referrals:write',
  'referral.readIncoming': 'referrals:read',
  'referral.respond': 'referrals:write',
  'plan.approve': 'cases:write',
  'case.approveClosure': 'cases:write',
  'case.transfer': 'cases:write',
  'transfer.respond': 'cases:write',
  'case.readTransferred': 'cases:read',
  'journey.readDue': 'cases:read',
  // Group activities hold no personal data: kept like the organisation's services.
  'groupActivity.manage': 'directory:write',
  // A new scoring model changes every score after it: a person's session only.
  'sustainability.manageModels': null,
  // Accepting the code of conduct is a person's signature; suspending a partner, an administrator's decision.
  'partner.acceptCode': null,
  'partner.suspend': null,
  // A partner's own system may publish openings and answer candidacies.
  'opening.manage': 'employment:write',
  'opening.read': 'employment:read',
  'opening.matchCases': 'cases:read',
  'candidacy.readIncoming': 'employment:read',
  'candidacy.respond': 'employment:write',
  'employment.report': 'employment:read',
};

export interface Actor {
  userId: string;
  organizationId: string;
  roles: readonly Role[];
  kind: 'person' | 'service';
  /** Set when the request came with an API token; undefined for a browser session. */
  scopes?: readonly string[];
  sessionId?: string;
  sessionExpiresAt?: Date;
  tokenId?: string;
  /** A system administrator signed in without two-factor yet: only enrolment is open. */
  mustEnrolTotp?: boolean;
}

const rank: Record<Reach, number> = { self: 1, organization: 2, all: 3 };

/** The widest reach any of the actor's roles grants for an action, or null when none does. */
export function reachOf(actor: Actor, action: Action): Reach | null {
  if (actor.scopes) {
    const scope = scopeOfAction[action];
    if (!scope || !actor.scopes.includes(scope)) return null;
  }
  let best: Reach | null = null;
  for (const role of actor.roles) {
    const r = grants[role]?.[action];
    if (r && (!best || rank[r] > rank[best])) best = r;
  }
  return best;
}

/** What the policy needs to know about a record to decide. */
export interface Target {
  organizationId?: string | null;
  userId?: string | null;
  /** Further users a record belongs to for `self` reach (a case's assignee, a person's case workers). */
  userIds?: readonly string[];
  /** Roles of a target user: only a system administrator acts on a system administrator. */
  roles?: readonly Role[];
}

const actsOnAccount = (action: Action) => action.startsWith('user.') && action !== 'user.read';

export function can(actor: Actor, action: Action, target?: Target): boolean {
  const reach = reachOf(actor, action);
  if (!reach) return false;
  if ((actsOnAccount(action) || action === 'apiToken.manageService') && target?.roles?.includes('system_admin') && !actor.roles.includes('system_admin'))
    return false;
  if (!target || reach === 'all') return true;
  if (reach === 'organization') return target.organizationId === actor.organizationId;
  // `self` never crosses organisations: a record of another organisation is out of reach even when it
  // names the caller (a case transferred away still names the case worker who registered it).
  if (target.organizationId && target.organizationId !== actor.organizationId) return false;
  return target.userId === actor.userId || (target.userIds?.includes(actor.userId) ?? false);
}

/** Everything the actor may do somewhere, for the UI (so it never re-derives permissions). */
export function permissionsOf(actor: Actor): Partial<Record<Action, Reach>> {
  const out: Partial<Record<Action, Reach>> = {};
  for (const a of actions) {
    const r = reachOf(actor, a);
    if (r) out[a] = r;
  }
  return out;
}

/** Scopes that would let a token of this actor do something; a token never carries more. */
export function scopesUsableBy(actor: Actor): Scope[] {
  const byRoles: Actor = { ...actor, scopes: undefined };
  return scopes.filter((s) => actions.some((a) => scopeOfAction[a] === s && reachOf(byRoles, a)));
}

/** Roles the actor may put on an account: none unless they may create or change users at all. */
export function assignableRoles(actor: Actor): Role[] {
  return reachOf(actor, 'user.create') || reachOf(actor, 'user.update') ? [...rolesGrantableBy(actor.roles)] : [];
}

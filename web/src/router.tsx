// The route tree (code-based). Pages are loaded on demand; only the layouts are in the first bundle.
import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, Outlet, redirect } from '@tanstack/react-router';
import { ApiError } from './api/client';
import { queryClient } from './api/queryClient';
import {
  caseTypes,
  stages,
  type CaseType,
  type Stage,
  organizationLevels,
  organizationTypes,
  roles,
  userStatuses,
  type OrganizationLevel,
  type OrganizationType,
  type Role,
  type UserStatus,
} from './api/types';
import { meQuery, mustEnrolTotp } from './auth/me';
import { candidacyStatuses, type CandidacyStatus } from '../../src/employment/vocabulary';
import { PublicFrame, PublicLayout } from './auth/PublicLayout';
import { flag, offset, oneOf, str } from './search';
import { AppShell } from './shell/AppShell';
import { ErrorPage } from './shell/ErrorPage';
import { NotFoundPage } from './shell/NotFoundPage';
import { Loading } from './ui/Messages';

interface LoginSearch {
  redirect?: string;
  activated?: 1;
  setup?: 1;
  signedOut?: 1;
  expired?: 1;
}
interface OrganizationsSearch {
  q?: string;
  type?: OrganizationType;
  level?: OrganizationLevel;
  status?: 'active' | 'inactive' | 'all';
  offset?: number;
}
interface UsersSearch {
  q?: string;
  role?: Role;
  status?: UserStatus;
  organizationId?: string;
  offset?: number;
}

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
  errorComponent: (props) => (
    <PublicFrame>
      <ErrorPage {...props} />
    </PublicFrame>
  ),
});

// Pages used without a session.
const publicLayout = createRoute({ getParentRoute: () => rootRoute, id: 'public', component: PublicLayout });

const loginRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: 'login',
  validateSearch: (s: Record<string, unknown>): LoginSearch => ({
    redirect: str(s.redirect),
    activated: flag(s.activated),
    setup: flag(s.setup),
    signedOut: flag(s.signedOut),
    expired: flag(s.expired),
  }),
  component: lazyRouteComponent(() => import('./auth/LoginPage'), 'LoginPage'),
});

const activateRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: 'activate',
  validateSearch: (s: Record<string, unknown>): { token?: string } => ({ token: str(s.token) }),
  component: lazyRouteComponent(() => import('./auth/ActivatePage'), 'ActivatePage'),
});

const setupRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: 'setup',
  validateSearch: (s: Record<string, unknown>): { token?: string } => ({ token: str(s.token) }),
  component: lazyRouteComponent(() => import('./auth/SetupPage'), 'SetupPage'),
});

// Everything else needs a session.
const appLayout = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    let me;
    try {
      me = await context.queryClient.ensureQueryData(meQuery);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) throw redirect({ to: '/login', search: { redirect: location.href } });
      throw e;
    }
    if (mustEnrolTotp(me) && location.pathname !== '/profile/two-factor') throw redirect({ to: '/profile/two-factor' });
    return { me };
  },
  component: AppShell,
  errorComponent: ErrorPage,
});

const homeRoute = createRoute({
  getParentRoute: () => appLayout,
  path: '/',
  component: lazyRouteComponent(() => import('./shell/HomePage'), 'HomePage'),
});

const organizationsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'organizations',
  validateSearch: (s: Record<string, unknown>): OrganizationsSearch => ({
    q: str(s.q),
    type: oneOf(organizationTypes, s.type),
    level: oneOf(organizationLevels, s.level),
    status: oneOf(['active', 'inactive', 'all'] as const, s.status),
    offset: offset(s.offset),
  }),
  component: lazyRouteComponent(() => import('./organizations/OrganizationsPage'), 'OrganizationsPage'),
});

const organizationNewRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'organizations/new',
  component: lazyRouteComponent(() => import('./organizations/OrganizationCreatePage'), 'OrganizationCreatePage'),
});

const organizationRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'organizations/$organizationId',
  component: lazyRouteComponent(() => import('./organizations/OrganizationPage'), 'OrganizationPage'),
});

const usersRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'users',
  validateSearch: (s: Record<string, unknown>): UsersSearch => ({
    q: str(s.q),
    role: oneOf(roles, s.role),
    status: oneOf(userStatuses, s.status),
    organizationId: str(s.organizationId),
    offset: offset(s.offset),
  }),
  component: lazyRouteComponent(() => import('./users/UsersPage'), 'UsersPage'),
});

const userNewRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'users/new',
  component: lazyRouteComponent(() => import('./users/UserCreatePage'), 'UserCreatePage'),
});

const userRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'users/$userId',
  component: lazyRouteComponent(() => import('./users/UserPage'), 'UserPage'),
});

const auditRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'audit',
  component: lazyRouteComponent(() => import('./audit/AuditLogPage'), 'AuditLogPage'),
});

const profileRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'profile',
  component: lazyRouteComponent(() => import('./profile/ProfilePage'), 'ProfilePage'),
});

const twoFactorRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'profile/two-factor',
  component: lazyRouteComponent(() => import('./profile/TwoFactorPage'), 'TwoFactorPage'),
});

const apiTokensRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'profile/api-tokens',
  component: lazyRouteComponent(() => import('./profile/ApiTokensPage'), 'ApiTokensPage'),
});

const sessionsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'profile/sessions',
  component: lazyRouteComponent(() => import('./profile/SessionsPage'), 'SessionsPage'),
});

// Cases: the worklist, the supervisor's queue and caseloads, intake, the case page (parts as tabs), persons.
export const caseTabs = ['overview', 'screening', 'assessment', 'journey', 'plan', 'surveys', 'legal', 'work', 'notes', 'tasks', 'consent', 'referrals', 'documents', 'history'] as const;
export type CaseTab = (typeof caseTabs)[number];
export interface WorklistSearch {
  /** mine (default) or organisation (supervisors). */
  scope?: 'mine' | 'organization';
  stage?: Stage;
  type?: CaseType;
  province?: string;
  country?: string;
  overdue?: 1;
  q?: string;
  offset?: number;
}

const worklistRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'cases',
  validateSearch: (s: Record<string, unknown>): WorklistSearch => ({
    scope: oneOf(['mine', 'organization'] as const, s.scope),
    stage: oneOf(stages, s.stage),
    type: oneOf(caseTypes, s.type),
    province: str(s.province),
    country: str(s.country),
    overdue: flag(s.overdue),
    q: str(s.q),
    offset: offset(s.offset),
  }),
  component: lazyRouteComponent(() => import('./cases/WorklistPage'), 'WorklistPage'),
});

const queueRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'cases/queue',
  validateSearch: (s: Record<string, unknown>): { view?: 'queue' | 'caseload'; offset?: number } => ({
    view: oneOf(['queue', 'caseload'] as const, s.view),
    offset: offset(s.offset),
  }),
  component: lazyRouteComponent(() => import('./cases/QueuePage'), 'QueuePage'),
});

const intakeRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'cases/new',
  validateSearch: (s: Record<string, unknown>): { personId?: string } => ({ personId: str(s.personId) }),
  component: lazyRouteComponent(() => import('./intake/IntakePage'), 'IntakePage'),
});

const caseRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'cases/$caseId',
  validateSearch: (s: Record<string, unknown>): { tab?: CaseTab } => ({ tab: oneOf(caseTabs, s.tab) }),
  component: lazyRouteComponent(() => import('./cases/CasePage'), 'CasePage'),
});

const personRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'persons/$personId',
  component: lazyRouteComponent(() => import('./persons/PersonPage'), 'PersonPage'),
});

// The directory as an organisation keeps it (the public directory is served by the API server at /directory).
const servicesRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'services',
  validateSearch: (s: Record<string, unknown>): { tab?: 'services' | 'locations' } => ({ tab: oneOf(['services', 'locations'] as const, s.tab) }),
  component: lazyRouteComponent(() => import('./directory/ServicesPage'), 'ServicesPage'),
});

const serviceNewRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'services/new',
  component: lazyRouteComponent(() => import('./directory/ServiceCreatePage'), 'ServiceCreatePage'),
});

const serviceRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'services/$serviceId',
  component: lazyRouteComponent(() => import('./directory/ServicePage'), 'ServicePage'),
});


// After return: the returns due, transfers between organisations, approvals, group activities,
// the sustainability scoring models and stalled legal tracks.
const returnsDueRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'returns',
  component: lazyRouteComponent(() => import('./returns/ReturnsDuePage'), 'ReturnsDuePage'),
});

const transfersRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'transfers',
  component: lazyRouteComponent(() => import('./transfers/TransfersPage'), 'TransfersPage'),
});

const transferRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'transfers/$transferId',
  component: lazyRouteComponent(() => import('./transfers/TransferPage'), 'TransferPage'),
});

const approvalsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'approvals',
  component: lazyRouteComponent(() => import('./closure/ApprovalsPage'), 'ApprovalsPage'),
});

const groupActivitiesRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'group-activities',
  component: lazyRouteComponent(() => import('./plans/GroupActivitiesPage'), 'GroupActivitiesPage'),
});

const surveyModelsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'sustainability-models',
  component: lazyRouteComponent(() => import('./surveys/ModelsPage'), 'ModelsPage'),
});

const legalStalledRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'legal',
  component: lazyRouteComponent(() => import('./legal/StalledPage'), 'StalledPage'),
});

// Employment: openings and training places, the partner's code of conduct, the candidates put
// forward to a partner, and the employment report.
const openingsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'openings',
  component: lazyRouteComponent(() => import('./openings/OpeningsPage'), 'OpeningsPage'),
});

const openingCreateRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'openings/new',
  component: lazyRouteComponent(() => import('./openings/OpeningCreatePage'), 'OpeningCreatePage'),
});

const openingRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'openings/$openingId',
  component: lazyRouteComponent(() => import('./openings/OpeningPage'), 'OpeningPage'),
});

const codeOfConductRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'partner/code-of-conduct',
  component: lazyRouteComponent(() => import('./openings/CodeOfConductPage'), 'CodeOfConductPage'),
});

const candidatesRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'candidates',
  validateSearch: (s: Record<string, unknown>): { status?: CandidacyStatus; openingId?: string } => ({
    status: oneOf(candidacyStatuses, s.status),
    openingId: str(s.openingId),
  }),
  component: lazyRouteComponent(() => import('./candidates/CandidatesPage'), 'CandidatesPage'),
});

const candidacyRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'candidates/$candidacyId',
  component: lazyRouteComponent(() => import('./candidates/CandidacyPage'), 'CandidacyPage'),
});

const employmentReportRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'employment-report',
  component: lazyRouteComponent(() => import('./employment-report/EmploymentReportPage'), 'EmploymentReportPage'),
});

// Referrals: the inbox (received and sent) and one referral, from either side.
export interface ReferralsSearch {
  box?: 'incoming' | 'outgoing';
  status?: 'open' | 'awaiting' | 'overdue' | 'ended' | 'review' | 'all';
  q?: string;
  offset?: number;
}

const referralsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'referrals',
  validateSearch: (s: Record<string, unknown>): ReferralsSearch => ({
    box: oneOf(['incoming', 'outgoing'] as const, s.box),
    status: oneOf(['open', 'awaiting', 'overdue', 'ended', 'review', 'all'] as const, s.status),
    q: str(s.q),
    offset: offset(s.offset),
  }),
  component: lazyRouteComponent(() => import('./referrals/InboxPage'), 'InboxPage'),
});

const referralRoute = createRoute({
  getParentRoute: () => appLayout,
  path: 'referrals/$referralId',
  component: lazyRouteComponent(() => import('./referrals/ReferralPage'), 'ReferralPage'),
});

const routeTree = rootRoute.addChildren([
  publicLayout.addChildren([loginRoute, activateRoute, setupRoute]),
  appLayout.addChildren([
    homeRoute,
    organizationsRoute,
    organizationNewRoute,
    organizationRoute,
    usersRoute,
    userNewRoute,
    userRoute,
    auditRoute,
    profileRoute,
    twoFactorRoute,
    apiTokensRoute,
    sessionsRoute,
    worklistRoute,
    queueRoute,
    intakeRoute,
    caseRoute,
    personRoute,
    servicesRoute,
    serviceNewRoute,
    serviceRoute,
    referralsRoute,
    referralRoute,
    returnsDueRoute,
    transfersRoute,
    transferRoute,
    approvalsRoute,
    groupActivitiesRoute,
    surveyModelsRoute,
    legalStalledRoute,
    openingsRoute,
    openingCreateRoute,
    openingRoute,
    codeOfConductRoute,
    candidatesRoute,
    candidacyRoute,
    employmentReportRoute,
  ]),
]);

export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: 'intent',
  defaultPendingComponent: Loading,
  defaultPendingMs: 300,
  notFoundMode: 'root',
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}

import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Me } from '../api/types';
import { can } from '../auth/me';
import { ReferralsNavBadge } from '../referrals/NavBadge';

export function MainNav({ me, enrolling }: { me: Me; enrolling: boolean }) {
  const { t } = useTranslation();
  const userReach = me.permissions['user.read'];
  return (
    <nav aria-label={t('shell.mainNav')} className="main-nav">
      <ul>
        {enrolling ? null : (
          <>
            <li>
              <Link to="/" activeOptions={{ exact: true }}>
                {t('nav.home')}
              </Link>
            </li>
            {can(me, 'case.read') ? (
              <li>
                <Link to="/cases" activeOptions={{ exact: true }}>
                  {t('nav.cases')}
                </Link>
              </li>
            ) : null}
            {can(me, 'case.assign') ? (
              <li>
                <Link to="/cases/queue">{t('nav.queue')}</Link>
              </li>
            ) : null}
            {can(me, 'case.create') ? (
              <li>
                <Link to="/cases/new">{t('nav.intake')}</Link>
              </li>
            ) : null}
            {can(me, 'referral.readIncoming') || can(me, 'referral.send') ? (
              <li>
                <Link to="/referrals">
                  {t('nav.referrals')}
                  {can(me, 'referral.readIncoming') ? <ReferralsNavBadge /> : null}
                </Link>
              </li>
            ) : null}
            {can(me, 'journey.readDue') ? (
              <li>
                <Link to="/returns">{t('nav.returnsDue')}</Link>
              </li>
            ) : null}
            {can(me, 'transfer.respond') || can(me, 'case.transfer') ? (
              <li>
                <Link to="/transfers">{t('nav.transfers')}</Link>
              </li>
            ) : null}
            {can(me, 'plan.approve') || can(me, 'case.approveClosure') ? (
              <li>
                <Link to="/approvals">{t('nav.approvals')}</Link>
              </li>
            ) : null}
            {can(me, 'case.read') ? (
              <li>
                <Link to="/legal">{t('nav.legalStalled')}</Link>
              </li>
            ) : null}
            {can(me, 'opening.read') ? (
              <li>
                <Link to="/openings">{t('nav.openings')}</Link>
              </li>
            ) : null}
            {can(me, 'candidacy.readIncoming') ? (
              <li>
                <Link to="/candidates">{t('nav.candidates')}</Link>
              </li>
            ) : null}
            {can(me, 'employment.report') ? (
              <li>
                <Link to="/employment-report">{t('nav.employmentReport')}</Link>
              </li>
            ) : null}
            {can(me, 'groupActivity.manage') ? (
              <li>
                <Link to="/group-activities">{t('nav.groupActivities')}</Link>
              </li>
            ) : null}
            {can(me, 'sustainability.manageModels') ? (
              <li>
                <Link to="/sustainability-models">{t('nav.surveyModels')}</Link>
              </li>
            ) : null}
            {can(me, 'directory.manage') || can(me, 'directory.updateCapacity') ? (
              <li>
                <Link to="/services">{t('nav.services')}</Link>
              </li>
            ) : null}
            {can(me, 'organization.read') || can(me, 'organization.create') || can(me, 'organization.update') ? (
              <li>
                <Link to="/organizations">{t('nav.organizations')}</Link>
              </li>
            ) : null}
            {userReach === 'organization' || userReach === 'all' ? (
              <li>
                <Link to="/users">{t('nav.users')}</Link>
              </li>
            ) : null}
            {can(me, 'audit.read') ? (
              <li>
                <Link to="/audit">{t('nav.audit')}</Link>
              </li>
            ) : null}
          </>
        )}
        <li>
          <Link to="/profile">{t('nav.profile')}</Link>
        </li>
      </ul>
    </nav>
  );
}

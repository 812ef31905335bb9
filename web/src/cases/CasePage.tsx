// One case: a header (reference, person, badges, assigned worker, the stage action) and its parts
// as sections chosen by the `tab` search parameter (a navigation of links: each part has its own
// address, so it can be bookmarked, shared and reopened after a reload).
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import type { CaseTab } from '../router';
import { ErrorAlert, Loading } from '../ui/Messages';
import { usePageTitle } from '../ui/usePageTitle';
import { caseQuery, type CaseOut } from './api';
import { AssessmentTab } from './case-page/AssessmentTab';
import { CaseHeader } from './case-page/CaseHeader';
import { CaseTabs, tabTitleKey } from './case-page/CaseTabs';
import { ConsentTab } from './case-page/ConsentTab';
import { ReferralsTab } from '../referrals/ReferralsTab';
import { JourneyTab } from '../returns/JourneyTab';
import { PlanTab } from '../plans/PlanTab';
import { SurveysTab } from '../surveys/SurveysTab';
import { LegalTab } from '../legal/LegalTab';
import { WorkTab } from '../employment/WorkTab';
import { DocumentsTab } from './case-page/DocumentsTab';
import { HistoryTab } from './case-page/HistoryTab';
import { NotesTab } from './case-page/NotesTab';
import { OverviewTab } from './case-page/OverviewTab';
import { ScreeningTab } from './case-page/ScreeningTab';
import { TasksTab } from './case-page/TasksTab';
import './case-page/case-page.css';

const route = getRouteApi('/app/cases/$caseId');

export function CasePage() {
  const { t } = useTranslation();
  const { caseId } = route.useParams();
  const { tab = 'overview' } = route.useSearch();
  const query = useQuery(caseQuery(caseId));
  const { data, isPending, error } = query;
  usePageTitle(data ? `${data.reference} · ${t(tabTitleKey(tab))}` : t('cases.page.title'));
  return (
    <>
      <p className="breadcrumb">
        <Link to="/cases">{t('cases.page.back')}</Link>
      </p>
      {isPending ? <Loading /> : null}
      {error && !data ? (
        isApiError(error, 'not_found') ? (
          <>
            <h1>{t('notFound.title')}</h1>
            <p>{t('cases.page.notFound')}</p>
          </>
        ) : (
          <ErrorAlert error={error} />
        )
      ) : null}
      {data ? <CaseView key={data.id} c={data} tab={tab} /> : null}
    </>
  );
}

function CaseView({ c, tab }: { c: CaseOut; tab: CaseTab }) {
  const { t } = useTranslation();
  return (
    <div className="case-page">
      <CaseHeader c={c} />
      <CaseTabs caseId={c.id} current={tab} />
      <section className="case-part" aria-labelledby="case-part-title">
        <h2 id="case-part-title">{t(tabTitleKey(tab))}</h2>
        {tab === 'overview' ? <OverviewTab c={c} /> : null}
        {tab === 'screening' ? <ScreeningTab c={c} /> : null}
        {tab === 'assessment' ? <AssessmentTab c={c} /> : null}
        {tab === 'journey' ? <JourneyTab c={c} /> : null}
        {tab === 'plan' ? <PlanTab c={c} /> : null}
        {tab === 'surveys' ? <SurveysTab c={c} /> : null}
        {tab === 'legal' ? <LegalTab c={c} /> : null}
        {tab === 'work' ? <WorkTab c={c} /> : null}
        {tab === 'notes' ? <NotesTab c={c} /> : null}
        {tab === 'tasks' ? <TasksTab c={c} /> : null}
        {tab === 'consent' ? <ConsentTab c={c} /> : null}
        {tab === 'referrals' ? <ReferralsTab c={c} /> : null}
        {tab === 'documents' ? <DocumentsTab c={c} /> : null}
        {tab === 'history' ? <HistoryTab c={c} /> : null}
      </section>
    </div>
  );
}

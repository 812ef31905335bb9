// The parts of a case as a navigation of links (each part has its own address); the current one
// carries aria-current="page".
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { caseTabs, type CaseTab } from '../../router';

export const tabTitleKey = (tab: CaseTab) => `cases.tabs.${tab}` as const;

export function CaseTabs({ caseId, current }: { caseId: string; current: CaseTab }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('cases.tabs.label')} className="tabs case-tabs">
      <ul>
        {caseTabs.map((tab) => (
          <li key={tab}>
            <Link
              to="/cases/$caseId"
              params={{ caseId }}
              search={{ tab }}
              aria-current={tab === current ? 'page' : undefined}
              activeOptions={{ includeSearch: true, exact: true }}
              activeProps={{}}
              resetScroll={false}
            >
              {t(tabTitleKey(tab))}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

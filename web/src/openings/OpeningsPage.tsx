// Openings and training places. A partner sees its own, every status, with a status filter and a
// way to write a new one; case workers and supervisors browse the network's published openings that
// are open for matching, filtered by kind, sector, province and words, each leading to the opening.
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Area } from '../api/types';
import { can, useMe } from '../auth/me';
import { formatDate } from '../i18n';
import { NoAccess } from '../shell/NotFoundPage';
import { FilterPanel } from '../ui/FilterPanel';
import { SelectField, TextField } from '../ui/Field';
import { ResultList } from '../ui/ResultList';
import { usePageTitle } from '../ui/usePageTitle';
import { isicSectors, openingKinds, openingStatuses, openingsQuery, type Opening, type OpeningKind, type OpeningListParams, type OpeningStatus } from './api';
import { OpeningStatusBadge, PartnerGateError, placeText, sectorLabel, occupationLabel, useWageText } from './parts';
import './openings.css';

const LIMIT = 25;

export function OpeningsPage() {
  const me = useMe();
  if (!can(me, 'opening.read')) return <NoAccess />;
  // Partners (reach: their organisation) keep their own; everyone else with opening.read browses the network.
  return me.permissions['opening.read'] === 'organization' ? <PartnerOpenings /> : <NetworkOpenings />;
}

function Results({ params, offset, setOffset, emptyText, partner }: { params: OpeningListParams; offset: number; setOffset: (n: number) => void; emptyText: string; partner: boolean }) {
  const query = useQuery(openingsQuery({ ...params, limit: LIMIT, offset }));
  if (query.error) return <PartnerGateError error={query.error} />;
  return (
    <ResultList query={query} emptyText={emptyText} offset={offset} limit={LIMIT} onPage={setOffset}>
      {(items) => (
        <ul className="opening-cards">
          {items.map((o) => (
            <OpeningCard key={o.id} o={o} partner={partner} />
          ))}
        </ul>
      )}
    </ResultList>
  );
}

function OpeningCard({ o, partner }: { o: Opening; partner: boolean }) {
  const { t } = useTranslation();
  const wage = useWageText();
  return (
    <li className="opening-card">
      <h2>
        <Link to="/openings/$openingId" params={{ openingId: o.id }}>
          {o.title}
        </Link>
      </h2>
      <p>
        <span className="badge">{t(`employmentTerms.openingKinds.${o.kind}`)}</span>
        {partner ? <OpeningStatusBadge o={o} /> : null}
      </p>
      {!partner ? <p>{o.organization.name}</p> : null}
      <p className="muted">
        {sectorLabel(o.sector)} · {occupationLabel(o.occupation)}
      </p>
      <p>
        {placeText(t, o)} · {wage(o.wageMinIdr, o.wageMaxIdr)}
      </p>
      <p className="muted">
        {t('openings.placesCount', { count: o.places })}
        {o.closesOn ? ` · ${t('openings.closesOnText', { date: formatDate(o.closesOn) })}` : ''}
      </p>
    </li>
  );
}

function PartnerOpenings() {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(t('openings.title'));
  const [status, setStatus] = useState<OpeningStatus | undefined>(undefined);
  const [offset, setOffset] = useState(0);
  return (
    <>
      <div className="page-head">
        <h1>{t('openings.title')}</h1>
        {can(me, 'opening.manage') ? (
          <Link to="/openings/new" className="button">
            {t('openings.newTitle')}
          </Link>
        ) : null}
      </div>
      <p className="hint">{t('openings.partnerIntro')}</p>
      <div role="group" aria-label={t('openings.statusFilter')} className="opening-chips">
        <ul>
          {([undefined, ...openingStatuses] as const).map((s) => (
            <li key={s ?? 'all'}>
              <button
                type="button"
                className="link-button"
                aria-pressed={s === status}
                onClick={() => {
                  setStatus(s);
                  setOffset(0);
                }}
              >
                {s ? t(`employmentTerms.openingStatuses.${s}`) : t('common.all')}
              </button>
            </li>
          ))}
        </ul>
      </div>
      <Results params={{ status }} offset={offset} setOffset={setOffset} emptyText={status ? t('openings.emptyStatus') : t('openings.emptyOwn')} partner />
    </>
  );
}

const provincesQuery = {
  queryKey: ['areas', 'province', null] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) => api<{ items: Area[] }>('/areas', { query: { level: 'province' }, signal }),
  staleTime: Infinity,
};

interface NetworkFilters {
  kind: OpeningKind | '';
  sector: string;
  province: string;
  q: string;
}
const noFilters: NetworkFilters = { kind: '', sector: '', province: '', q: '' };

function NetworkOpenings() {
  const { t } = useTranslation();
  usePageTitle(t('openings.browseTitle'));
  const [form, setForm] = useState<NetworkFilters>(noFilters);
  const [applied, setApplied] = useState<NetworkFilters>(noFilters);
  const [offset, setOffset] = useState(0);
  const provinces = useQuery(provincesQuery);
  const active = Object.values(applied).some(Boolean);

  function apply(e: FormEvent) {
    e.preventDefault();
    setApplied({ ...form, q: form.q.trim() });
    setOffset(0);
  }

  return (
    <>
      <div className="page-head">
        <h1>{t('openings.browseTitle')}</h1>
      </div>
      <p className="hint">{t('openings.browseIntro')}</p>
      <FilterPanel active={active}>
        <form role="search" aria-label={t('openings.filters')} className="filters opening-filters" onSubmit={apply}>
          <TextField label={t('openings.search')} name="q" type="search" maxLength={100} value={form.q} onChange={(e) => setForm({ ...form, q: e.target.value })} hint={t('openings.searchHint')} />
          <SelectField label={t('openings.fields.kind')} name="kind" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as OpeningKind | '' })}>
            <option value="">{t('common.all')}</option>
            {openingKinds.map((k) => (
              <option key={k} value={k}>
                {t(`employmentTerms.openingKinds.${k}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('openings.fields.sector')} name="sector" value={form.sector} onChange={(e) => setForm({ ...form, sector: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {isicSectors.map((s) => (
              <option key={s.code} value={s.code}>
                {s.code.length > 1 ? `— ${sectorLabel(s.code)}` : sectorLabel(s.code)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('openings.province')} name="province" value={form.province} onChange={(e) => setForm({ ...form, province: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {(provinces.data?.items ?? []).map((a) => (
              <option key={a.code} value={a.code}>
                {a.name}
              </option>
            ))}
          </SelectField>
          <div className="actions">
            <button type="submit" className="button">
              {t('common.apply')}
            </button>
            <button
              type="button"
              className="button secondary"
              onClick={() => {
                setForm(noFilters);
                setApplied(noFilters);
                setOffset(0);
              }}
            >
              {t('common.reset')}
            </button>
          </div>
        </form>
      </FilterPanel>
      <Results
        params={{ kind: applied.kind || undefined, sector: applied.sector || undefined, province: applied.province || undefined, q: applied.q || undefined }}
        offset={offset}
        setOffset={setOffset}
        emptyText={active ? t('openings.emptyFiltered') : t('openings.emptyNetwork')}
        partner={false}
      />
    </>
  );
}

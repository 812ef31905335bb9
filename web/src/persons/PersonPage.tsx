// One person (/persons/:id): details and documents, their cases, editing with optimistic
// concurrency, and for supervisors the possible duplicates with a merge action.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, isApiError } from '../api/client';
import { can, useMe } from '../auth/me';
import { casesQuery, countryName, mergePersons, personKeys, personQuery, updatePerson, type DisabilityDomain, type MatchQuery, type Person } from '../cases/api';
import { CaseTable } from '../cases/WorklistPage';
import { currentLanguage, formatDate, formatDateTime } from '../i18n';
import { fieldErrorText } from '../i18n/errors';
import { ConfirmButton } from '../ui/ConfirmButton';
import { ErrorAlert, Loading, StatusMessage } from '../ui/Messages';
import { VersionConflict } from '../ui/VersionConflict';
import { ResultList } from '../ui/ResultList';
import { usePageTitle } from '../ui/usePageTitle';
import { useCountries } from './CountryFields';
import { areaText, DuplicatePanel } from './DuplicatePanel';
import { languageName, PersonBasicFields, PersonIdentityFields } from './PersonFields';
import { personOf, personToForm, type PersonFormState } from './personForm';
import './persons.css';

const route = getRouteApi('/app/persons/$personId');

export function PersonPage() {
  const { t } = useTranslation();
  const { personId } = route.useParams();
  const query = useQuery(personQuery(personId));
  usePageTitle(query.data?.fullName ?? t('persons.title'));
  return (
    <>
      <p className="breadcrumb">
        <Link to="/cases">{t('worklist.title')}</Link>
      </p>
      {query.isPending ? <Loading /> : null}
      {query.error ? (
        isApiError(query.error, 'not_found') ? (
          <>
            <h1>{t('notFound.title')}</h1>
            <p>{t('persons.notFound')}</p>
          </>
        ) : (
          <ErrorAlert error={query.error} />
        )
      ) : null}
      {query.data ? <PersonDetail key={query.data.id} person={query.data} /> : null}
    </>
  );
}

function PersonDetail({ person }: { person: Person }) {
  const { t } = useTranslation();
  const me = useMe();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const mayUpdate = can(me, 'person.update') && !person.mergedIntoId;
  return (
    <>
      <div className="page-head">
        <h1>{person.fullName}</h1>
        {person.isChild ? <span className="badge flag">{t('persons.child')}</span> : null}
      </div>
      {person.mergedIntoId ? (
        <div className="alert alert-warning" role="note">
          {t('persons.page.merged')}{' '}
          <Link to="/persons/$personId" params={{ personId: person.mergedIntoId }}>
            {t('persons.page.openMerged')}
          </Link>
        </div>
      ) : null}
      <div className="actions">
        {can(me, 'case.create') && !person.mergedIntoId ? (
          <Link to="/cases/new" search={{ personId: person.id }} className="button">
            {t('persons.page.newCase')}
          </Link>
        ) : null}
        {mayUpdate && !editing ? (
          <button type="button" className="button secondary" onClick={() => { setSaved(false); setEditing(true); }}>
            {t('persons.page.edit')}
          </button>
        ) : null}
      </div>
      <StatusMessage tone="success">{saved ? t('common.saved') : null}</StatusMessage>
      {editing ? (
        <PersonEditForm
          person={person}
          onDone={(didSave) => {
            setEditing(false);
            setSaved(didSave);
          }}
        />
      ) : (
        <section className="section" aria-labelledby="person-details-title">
          <h2 id="person-details-title">{t('persons.page.details')}</h2>
          <PersonSummary p={person} />
        </section>
      )}
      <PersonCases person={person} />
      {can(me, 'person.merge') && !person.mergedIntoId ? <Duplicates person={person} /> : null}
    </>
  );
}

function BirthText({ p }: { p: Person }) {
  const { t } = useTranslation();
  const b = p.birth;
  if (!b) return <>—</>;
  if (b.kind === 'exact') return <>{formatDate(b.date)}</>;
  if (b.kind === 'estimated_year') return <>{t('intake.review.aboutYear', { year: b.year })}</>;
  return <>{t('persons.page.statedAge', { age: b.age, date: formatDate(b.statedOn) })}</>;
}

export function PersonSummary({ p }: { p: Person }) {
  const { t } = useTranslation();
  const countries = useCountries();
  const lang = currentLanguage();
  const none = '—';
  return (
    <dl className="summary">
      <dt>{t('persons.fields.fullName')}</dt>
      <dd>{p.fullName}</dd>
      <dt>{t('persons.fields.otherNames')}</dt>
      <dd>{p.otherNames.join(', ') || none}</dd>
      <dt>{t('persons.fields.sex')}</dt>
      <dd>{t(`persons.sex.${p.sex}`)}</dd>
      <dt>{t('persons.fields.birth')}</dt>
      <dd>
        <BirthText p={p} />
        {p.age !== null ? ` (${t('persons.ageYears', { count: p.age })})` : ''}
      </dd>
      <dt>{t('persons.fields.nationality')}</dt>
      <dd>{countryName(countries, p.nationality, lang)}</dd>
      <dt>{t('persons.fields.languages')}</dt>
      <dd>{p.languages.map(languageName).join(', ') || none}</dd>
      <dt>{t('persons.fields.documents')}</dt>
      <dd>
        {p.documents.length ? (
          <ul className="plain-list">
            {p.documents.map((d) => (
              <li key={d.id}>
                {t(`persons.documentType.${d.type}`)}: <span className="break">{d.number}</span>
                {d.issuingCountry ? ` · ${countryName(countries, d.issuingCountry, lang)}` : ''}
                {d.expiresOn ? ` · ${t('persons.page.validUntil', { date: formatDate(d.expiresOn) })}` : ''}
              </li>
            ))}
          </ul>
        ) : (
          none
        )}
      </dd>
      <dt>{t('persons.fields.phones')}</dt>
      <dd>{p.phones.join(', ') || none}</dd>
      <dt>{t('persons.fields.homeVillage')}</dt>
      <dd>{areaText(p.homeArea) || p.homeVillageCode || none}</dd>
      <dt>{t('persons.fields.homeAddress')}</dt>
      <dd className="break">{p.homeAddress || none}</dd>
      <dt>{t('persons.fields.emergencyContact')}</dt>
      <dd>{p.emergencyContact ? [p.emergencyContact.name, p.emergencyContact.relationship, p.emergencyContact.phone].filter(Boolean).join(', ') : none}</dd>
      <dt>{t('persons.fields.disabilities')}</dt>
      <dd>
        {p.disabilities.map((d) => t(`persons.disability.${d as DisabilityDomain}`)).join(', ') || none}
        {p.disabilityNote ? ` — ${p.disabilityNote}` : ''}
      </dd>
      <dt>{t('persons.fields.registeredAt')}</dt>
      <dd>{formatDateTime(p.createdAt)}</dd>
    </dl>
  );
}

function PersonEditForm({ person, onDone }: { person: Person; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<PersonFormState>(() => personToForm(person));
  const [version, setVersion] = useState(person.version);
  const [conflict, setConflict] = useState<Person | null>(null);
  const save = useMutation({
    mutationFn: (v: number) => updatePerson(person.id, { ...personOf(form), version: v }),
    onSuccess: (p) => {
      setConflict(null);
      queryClient.setQueryData(personKeys.detail(p.id), p);
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
      onDone(true);
    },
    onError: (err) => {
      if (isApiError(err, 'version_conflict') && err.current) setConflict(err.current as Person);
    },
  });
  const set = <K extends keyof PersonFormState>(key: K, value: PersonFormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  const fields = save.error instanceof ApiError && save.error.fields ? save.error.fields : {};
  const err = (path: string) => fieldErrorText(fields[path]);

  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate(version);
  }

  return (
    <section className="section" aria-labelledby="person-edit-title">
      <h2 id="person-edit-title">{t('persons.page.editTitle')}</h2>
      {conflict ? (
        <VersionConflict
          busy={save.isPending}
          onReapply={() => {
            setVersion(conflict.version);
            save.mutate(conflict.version);
          }}
          onDiscard={() => {
            setForm(personToForm(conflict));
            setVersion(conflict.version);
            queryClient.setQueryData(personKeys.detail(conflict.id), conflict);
            setConflict(null);
            save.reset();
          }}
        >
          <PersonSummary p={conflict} />
        </VersionConflict>
      ) : null}
      {save.error && !isApiError(save.error, 'version_conflict') ? <ErrorAlert error={save.error} /> : null}
      <form className="form" noValidate onSubmit={submit}>
        <fieldset>
          <legend>{t('intake.steps.person')}</legend>
          <PersonBasicFields value={form} set={set} err={err} />
        </fieldset>
        <fieldset>
          <legend>{t('intake.steps.identity')}</legend>
          <PersonIdentityFields value={form} set={set} err={err} currentAreaName={areaText(person.homeArea)} />
        </fieldset>
        <div className="actions">
          <button type="submit" className="button" disabled={save.isPending || !!conflict}>
            {t('common.save')}
          </button>
          <button type="button" className="button secondary" onClick={() => onDone(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

function PersonCases({ person }: { person: Person }) {
  const { t } = useTranslation();
  const me = useMe();
  const reach = me.permissions['case.read'];
  const orgReach = reach === 'organization' || reach === 'all';
  const [offset, setOffset] = useState(0);
  const query = useQuery(casesQuery({ scope: orgReach ? 'organization' : 'mine', personId: person.id, limit: 25, offset }));
  return (
    <section className="section" aria-labelledby="person-cases-title">
      <h2 id="person-cases-title">{t('persons.page.cases')}</h2>
      <ResultList query={query} emptyText={t('persons.page.noCases')} offset={offset} limit={25} onPage={setOffset}>
        {(items) => <CaseTable items={items} showAssignee={orgReach} caption={t('persons.page.cases')} />}
      </ResultList>
    </section>
  );
}

function Duplicates({ person }: { person: Person }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [merged, setMerged] = useState<string | null>(null);
  const query: MatchQuery = {
    fullName: person.fullName,
    otherNames: person.otherNames.length ? person.otherNames : undefined,
    sex: person.sex,
    birth: person.birth ?? undefined,
    documents: person.documents.length ? person.documents.map((d) => ({ type: d.type, number: d.number })) : undefined,
    phones: person.phones.length ? person.phones : undefined,
    homeVillageCode: person.homeVillageCode ?? undefined,
    excludePersonId: person.id,
  };
  const merge = useMutation({
    mutationFn: ({ duplicateId }: { duplicateId: string; name: string }) => mergePersons(person.id, { duplicateId, version: person.version }),
    onSuccess: (p, v) => {
      setMerged(t('persons.merge.done', { name: v.name }));
      queryClient.setQueryData(personKeys.detail(p.id), p);
      void queryClient.invalidateQueries({ queryKey: personKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
    },
    onError: (err) => {
      if (isApiError(err, 'version_conflict')) void queryClient.invalidateQueries({ queryKey: personKeys.detail(person.id) });
    },
  });
  return (
    <div className="section">
      <StatusMessage tone="success">{merged}</StatusMessage>
      {merge.error ? <ErrorAlert error={merge.error} /> : null}
      <DuplicatePanel
        query={query}
        intro={t('persons.merge.intro')}
        action={(c) => (
          <ConfirmButton
            danger
            label={t('persons.merge.action', { name: c.person?.fullName ?? '' })}
            title={t('persons.merge.title')}
            message={
              <p>
                {t('persons.merge.confirm', { duplicate: c.person?.fullName ?? '', survivor: person.fullName })}
              </p>
            }
            confirmLabel={t('persons.merge.confirmButton')}
            disabled={merge.isPending}
            onConfirm={() => merge.mutate({ duplicateId: c.personId, name: c.person?.fullName ?? '' })}
          />
        )}
      />
    </div>
  );
}

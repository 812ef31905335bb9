// One organisation: read-only for most, editable with organization.update. Saving sends `version`;
// when someone else saved first (409 version_conflict) the stored values are shown and the person
// may reapply their changes on top of them or discard them.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import type { Organization } from '../api/types';
import { can, useMe } from '../auth/me';
import { formatDateTime } from '../i18n';
import { ConfirmButton } from '../ui/ConfirmButton';
import { ErrorAlert, StatusMessage } from '../ui/Messages';
import { VersionConflict } from '../ui/VersionConflict';
import { RecordPage } from '../ui/RecordPage';
import { usePageTitle } from '../ui/usePageTitle';
import { organizationKeys, organizationQuery, partnerOf, profileOf, reinstatePartner, setOrganizationActive, suspendPartner, updateOrganization } from './api';
import { TextAreaField } from '../ui/Field';
import { fieldError } from '../i18n/errors';
import { formToInput, OrganizationFields, organizationToForm, type OrganizationFormState } from './OrganizationForm';

const route = getRouteApi('/app/organizations/$organizationId');

export function OrganizationPage() {
  const { t } = useTranslation();
  const { organizationId } = route.useParams();
  const query = useQuery(organizationQuery(organizationId));
  usePageTitle(query.data?.name ?? t('organizations.title'));
  return (
    <RecordPage query={query} backTo="/organizations" backLabel={t('organizations.title')} notFoundText={t('organizations.notFound')}>
      {(data) => <OrganizationDetail key={data.id} organization={data} />}
    </RecordPage>
  );
}

function Summary({ o }: { o: Organization }) {
  const { t } = useTranslation();
  return (
    <dl className="summary">
      <dt>{t('organizations.fields.name')}</dt>
      <dd>{o.name}</dd>
      <dt>{t('organizations.fields.acronym')}</dt>
      <dd>{o.acronym ?? '—'}</dd>
      <dt>{t('organizations.fields.type')}</dt>
      <dd>{t(`organizations.types.${o.type}`)}</dd>
      <dt>{t('organizations.fields.level')}</dt>
      <dd>{t(`organizations.levels.${o.level}`)}</dd>
      <dt>{t('organizations.fields.area')}</dt>
      <dd>{o.areaName ? `${o.areaName} (${o.areaCode})` : '—'}</dd>
      <dt>{t('organizations.fields.parent')}</dt>
      <dd>{o.parentName ?? '—'}</dd>
      {o.type === 'private_sector' ? (
        <>
          <dt>{t('openings.partner.kind')}</dt>
          <dd>{partnerOf(o).partnerKind ? t(`employmentTerms.partnerKinds.${partnerOf(o).partnerKind!}`) : '—'}</dd>
          <dt>{t('openings.partner.standing')}</dt>
          <dd>{partnerOf(o).suspended ? t('openings.partner.suspendedSince', { date: formatDateTime(partnerOf(o).suspendedAt) }) : t('openings.partner.inGoodStanding')}</dd>
        </>
      ) : null}
      <dt>{t('directory.orgProfile.description')}</dt>
      <dd className="break">{profileOf(o).description ?? '—'}</dd>
      <dt>{t('directory.orgProfile.website')}</dt>
      <dd className="break">{profileOf(o).website ?? '—'}</dd>
      <dt>{t('directory.orgProfile.email')}</dt>
      <dd className="break">{profileOf(o).email ?? '—'}</dd>
      <dt>{t('directory.orgProfile.phone')}</dt>
      <dd>{profileOf(o).phone ?? '—'}</dd>
      <dt>{t('common.status')}</dt>
      <dd>{o.active ? t('organizations.status.active') : t('organizations.status.inactive')}</dd>
      <dt>{t('common.updatedAt')}</dt>
      <dd>{formatDateTime(o.updatedAt)}</dd>
    </dl>
  );
}

function OrganizationDetail({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<OrganizationFormState>(() => organizationToForm(organization));
  const [version, setVersion] = useState(organization.version);
  const [conflict, setConflict] = useState<Organization | null>(null);
  const [saved, setSaved] = useState(false);

  const target = { organizationId: organization.id };
  const mayUpdate = can(me, 'organization.update', target);
  const mayDeactivate = can(me, 'organization.deactivate', target);

  // A fresh copy from the server (after a save elsewhere in the app) resets an untouched form.
  useEffect(() => {
    if (!conflict && organization.version !== version) {
      setForm(organizationToForm(organization));
      setVersion(organization.version);
    }
  }, [organization.version]);

  const save = useMutation({
    mutationFn: (v: number) => updateOrganization(organization.id, { ...formToInput(form), version: v }),
    onMutate: () => setSaved(false),
    onSuccess: (o) => {
      setConflict(null);
      setVersion(o.version);
      setForm(organizationToForm(o));
      setSaved(true);
      queryClient.setQueryData(organizationKeys.detail(o.id), o);
      void queryClient.invalidateQueries({ queryKey: ['organizations', 'list'] });
    },
    onError: (err) => {
      if (isApiError(err, 'version_conflict') && err.current) {
        const current = err.current as Organization;
        setConflict(current);
        queryClient.setQueryData(organizationKeys.detail(current.id), current);
      }
    },
  });

  const toggle = useMutation({
    mutationFn: (active: boolean) => setOrganizationActive(organization.id, active),
    onSuccess: (o) => {
      if (o && typeof o === 'object') queryClient.setQueryData(organizationKeys.detail(o.id), o);
      void queryClient.invalidateQueries({ queryKey: organizationKeys.all });
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate(version);
  }

  return (
    <>
      <div className="page-head">
        <h1>
          {organization.name}
          {organization.acronym ? <span className="muted"> ({organization.acronym})</span> : null}
        </h1>
        {!organization.active ? <span className="badge off">{t('organizations.status.inactive')}</span> : null}
        {partnerOf(organization).suspended ? <span className="badge pending">{t('openings.partner.suspended')}</span> : null}
      </div>
      {mayUpdate && organization.type === 'private_sector' && !can(me, 'partner.suspend') ? (
        <p>
          <strong>{t('openings.partner.standing')}:</strong>{' '}
          {partnerOf(organization).suspended
            ? t('openings.partner.suspendedSince', { date: formatDateTime(partnerOf(organization).suspendedAt) })
            : t('openings.partner.inGoodStanding')}
        </p>
      ) : null}

      {!mayUpdate ? (
        <Summary o={organization} />
      ) : (
        <>
          {conflict ? (
            <VersionConflict
              headingLevel={2}
              busy={save.isPending}
              onReapply={() => save.mutate(conflict.version)}
              onDiscard={() => {
                setForm(organizationToForm(conflict));
                setVersion(conflict.version);
                setConflict(null);
                save.reset();
              }}
            >
              <Summary o={conflict} />
            </VersionConflict>
          ) : null}
          {save.error && !isApiError(save.error, 'version_conflict') ? <ErrorAlert error={save.error} /> : null}
          <StatusMessage tone="success">{saved ? t('common.saved') : null}</StatusMessage>
          <form onSubmit={submit} className="form">
            <OrganizationFields value={form} onChange={setForm} error={save.error} organization={organization} />
            <div className="actions">
              <button type="submit" className="button" disabled={save.isPending || !!conflict}>
                {t('common.save')}
              </button>
            </div>
          </form>
        </>
      )}

      {organization.type === 'private_sector' && can(me, 'partner.suspend') ? <Suspension organization={organization} /> : null}

      {mayDeactivate ? (
        <section className="danger-zone" aria-labelledby="org-status-title">
          <h2 id="org-status-title">{t('organizations.statusSection')}</h2>
          <ErrorAlert error={toggle.error} />
          {organization.active ? (
            <ConfirmButton
              danger
              label={t('organizations.deactivate')}
              title={t('organizations.deactivateTitle', { name: organization.name })}
              message={<p>{t('organizations.deactivateText')}</p>}
              onConfirm={() => toggle.mutate(false)}
              disabled={toggle.isPending}
            />
          ) : (
            <ConfirmButton
              label={t('organizations.reactivate')}
              title={t('organizations.reactivateTitle', { name: organization.name })}
              message={<p>{t('organizations.reactivateText')}</p>}
              onConfirm={() => toggle.mutate(true)}
              disabled={toggle.isPending}
            />
          )}
        </section>
      ) : null}
    </>
  );
}

/** A system administrator suspends a private-sector partner (with a note, kept encrypted) or reinstates it. */
function Suspension({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const standing = partnerOf(organization);
  const [note, setNote] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const settle = (o: Organization) => {
    queryClient.setQueryData(organizationKeys.detail(o.id), o);
    void queryClient.invalidateQueries({ queryKey: ['organizations', 'list'] });
  };
  const onError = (err: unknown) => {
    if (isApiError(err, 'version_conflict') || isApiError(err, 'already_suspended') || isApiError(err, 'not_suspended'))
      void queryClient.invalidateQueries({ queryKey: organizationKeys.detail(organization.id) });
  };
  const suspend = useMutation({
    mutationFn: () => suspendPartner(organization.id, note.trim(), organization.version),
    onMutate: () => setDone(null),
    onSuccess: (o) => {
      settle(o);
      setNote('');
      setDone(t('openings.partner.suspendedDone'));
    },
    onError,
  });
  const reinstate = useMutation({
    mutationFn: () => reinstatePartner(organization.id, organization.version),
    onMutate: () => setDone(null),
    onSuccess: (o) => {
      settle(o);
      setDone(t('openings.partner.reinstatedDone'));
    },
    onError,
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    suspend.mutate();
  }

  return (
    <section className="danger-zone" aria-labelledby="partner-suspension-title">
      <h2 id="partner-suspension-title">{t('openings.partner.suspensionTitle')}</h2>
      <StatusMessage tone="success">{done}</StatusMessage>
      {standing.suspended ? (
        <>
          <p>{t('openings.partner.suspendedSince', { date: formatDateTime(standing.suspendedAt) })}</p>
          {standing.suspendedBy ? <p>{t('openings.partner.suspendedBy', { name: standing.suspendedBy.displayName })}</p> : null}
          {standing.suspensionNote ? (
            <>
              <h3>{t('openings.partner.note')}</h3>
              <p className="pre">{standing.suspensionNote}</p>
            </>
          ) : null}
          <ErrorAlert error={reinstate.error} />
          <ConfirmButton
            label={t('openings.partner.reinstate')}
            title={t('openings.partner.reinstateTitle', { name: organization.name })}
            message={<p>{t('openings.partner.reinstateText')}</p>}
            onConfirm={() => reinstate.mutate()}
            disabled={reinstate.isPending}
          />
        </>
      ) : (
        <form className="form" onSubmit={submit} noValidate>
          <p>{t('openings.partner.suspendText')}</p>
          {suspend.error && !fieldError(suspend.error, 'note') ? <ErrorAlert error={suspend.error} /> : null}
          <TextAreaField
            label={t('openings.partner.note')}
            name="suspensionNote"
            rows={3}
            maxLength={2000}
            required
            value={note}
            onChange={(e) => setNote(e.target.value)}
            error={fieldError(suspend.error, 'note')}
            hint={t('openings.partner.noteHint')}
          />
          <div className="actions">
            <button type="submit" className="button danger" disabled={suspend.isPending}>
              {t('openings.partner.suspend')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

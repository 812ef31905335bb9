// A partner writes a new opening or training place. It is saved as a draft and opens on its own
// page, where the partner publishes it. What the server refuses is shown at each field and the form
// keeps what was typed.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../auth/me';
import { NoAccess } from '../shell/NotFoundPage';
import { ErrorAlert, Loading } from '../ui/Messages';
import { usePageTitle } from '../ui/usePageTitle';
import { codeOfConductQuery, createOpening, openingKeys } from './api';
import { emptyOpeningForm, formToInput, OpeningFields, type OpeningFormState } from './OpeningForm';
import { PartnerGateError } from './parts';
import { hasFieldErrors } from '../i18n/errors';
import './openings.css';

export function OpeningCreatePage() {
  const me = useMe();
  if (!can(me, 'opening.manage')) return <NoAccess />;
  return <Create />;
}

function Create() {
  const { t } = useTranslation();
  usePageTitle(t('openings.newTitle'));
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // A partner's person must have accepted the code of conduct first (a service account never has to).
  const personPartner = can(me, 'partner.acceptCode');
  const code = useQuery({ ...codeOfConductQuery(), enabled: personPartner });
  const [form, setForm] = useState<OpeningFormState>(() => emptyOpeningForm());
  const save = useMutation({
    mutationFn: () => createOpening(formToInput(form)),
    onSuccess: (o) => {
      queryClient.setQueryData(openingKeys.detail(o.id), o);
      void queryClient.invalidateQueries({ queryKey: ['openings', 'list'] });
      void navigate({ to: '/openings/$openingId', params: { openingId: o.id } });
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate();
  }

  const gate = personPartner ? (code.error ?? null) : null;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/openings">{t('openings.title')}</Link>
      </p>
      <div className="page-head">
        <h1>{t('openings.newTitle')}</h1>
      </div>
      {personPartner && code.isPending ? <Loading /> : null}
      {gate ? <PartnerGateError error={gate} /> : null}
      {personPartner && code.data && !code.data.accepted ? (
        <div role="alert" className="alert alert-warning">
          <p>{t('openings.gate.codeRequired')}</p>
          <p>
            <Link to="/partner/code-of-conduct">{t('openings.gate.toCode')}</Link>
          </p>
        </div>
      ) : null}
      {!personPartner || code.data?.accepted ? (
        <>
          <p className="hint">{t('openings.form.intro')}</p>
          {save.error ? hasFieldErrors(save.error) ? <ErrorAlert error={save.error} /> : <PartnerGateError error={save.error} /> : null}
          <form className="form opening-form" onSubmit={submit} noValidate>
            <OpeningFields value={form} onChange={setForm} error={save.error} />
            <div className="actions">
              <button type="submit" className="button" disabled={save.isPending}>
                {t('openings.form.saveDraft')}
              </button>
              <Link to="/openings" className="button secondary">
                {t('common.cancel')}
              </Link>
            </div>
          </form>
        </>
      ) : null}
    </>
  );
}

// The code of conduct a partner's user reads and accepts before anything else employment-related.
// Its points come from the server (the current version); their texts from the catalogue. Accepting
// needs the "I have read…" box ticked; once accepted, the page says when and leads on.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { can, useMe } from '../auth/me';
import { formatDateTime } from '../i18n';
import { NoAccess } from '../shell/NotFoundPage';
import { FieldError } from '../ui/Field';
import { ErrorAlert, Loading, StatusMessage } from '../ui/Messages';
import { usePageTitle } from '../ui/usePageTitle';
import { acceptCodeOfConduct, codeOfConduct, codeOfConductQuery, openingKeys, type CodeOfConduct } from './api';
import { PartnerGateError } from './parts';
import './openings.css';

export function CodeOfConductPage() {
  const me = useMe();
  if (!can(me, 'partner.acceptCode')) return <NoAccess />;
  return <CodePage />;
}

function CodePage() {
  const { t } = useTranslation();
  usePageTitle(t('openings.code.title'));
  const query = useQuery(codeOfConductQuery());
  return (
    <section className="page" aria-labelledby="code-title">
      <div className="page-head">
        <h1 id="code-title">{t('openings.code.title')}</h1>
      </div>
      {query.isPending ? <Loading /> : null}
      {query.error ? <PartnerGateError error={query.error} /> : null}
      {query.data ? <Code code={query.data} /> : null}
    </section>
  );
}

function Code({ code }: { code: CodeOfConduct }) {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const [read, setRead] = useState(false);
  const [missingTick, setMissingTick] = useState(false);
  const [justAccepted, setJustAccepted] = useState(false);
  const accept = useMutation({
    mutationFn: () => acceptCodeOfConduct(code.version),
    onSuccess: (c) => {
      queryClient.setQueryData(openingKeys.code, c);
      void queryClient.invalidateQueries({ queryKey: openingKeys.all });
      setJustAccepted(true);
    },
    onError: (err) => {
      // The code changed while it was open: show the current version to read again.
      if (isApiError(err, 'code_version_outdated')) {
        setRead(false);
        void queryClient.invalidateQueries({ queryKey: openingKeys.code });
      }
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!read) {
      setMissingTick(true);
      return;
    }
    accept.mutate();
  }

  return (
    <>
      <p>{t('openings.code.intro')}</p>
      <p className="muted">{t('openings.code.version', { version: code.version })}</p>
      <ol className="code-points">
        {code.points
          .filter((p): p is (typeof codeOfConduct.points)[number] => (codeOfConduct.points as readonly string[]).includes(p))
          .map((p) => (
            <li key={p}>
              <h2>{t(`employmentTerms.codePoints.${p}.title`)}</h2>
              <p>{t(`employmentTerms.codePoints.${p}.text`)}</p>
            </li>
          ))}
      </ol>

      <StatusMessage tone="success">{justAccepted ? t('openings.code.thanks') : null}</StatusMessage>
      {code.accepted ? (
        <section aria-labelledby={`${id}-accepted`} className="card">
          <h2 id={`${id}-accepted`}>{t('openings.code.acceptedTitle')}</h2>
          <p>{t('openings.code.acceptedOn', { date: formatDateTime(code.acceptedAt) })}</p>
          <ul className="tiles">
            <li>
              <Link to="/openings" className="tile">
                {t('openings.home.openings')}
              </Link>
            </li>
            <li>
              <Link to="/candidates" className="tile">
                {t('openings.home.candidates')}
              </Link>
            </li>
          </ul>
        </section>
      ) : (
        <form className="form" onSubmit={submit} noValidate>
          {accept.error ? (isApiError(accept.error, 'code_version_outdated') ? <ErrorAlert error={accept.error} /> : <PartnerGateError error={accept.error} />) : null}
          <div className="field">
            <label className="choice">
              <input
                type="checkbox"
                name="read"
                checked={read}
                aria-invalid={missingTick && !read ? true : undefined}
                aria-describedby={missingTick && !read ? `${id}-tick` : undefined}
                onChange={(e) => {
                  setRead(e.target.checked);
                  if (e.target.checked) setMissingTick(false);
                }}
              />
              <span>{t('openings.code.readBox')}</span>
            </label>
            <FieldError id={`${id}-tick`} error={missingTick && !read ? t('openings.code.tickFirst') : null} />
          </div>
          <div className="actions">
            <button type="submit" className="button" disabled={accept.isPending}>
              {t('openings.code.accept')}
            </button>
          </div>
        </form>
      )}
    </>
  );
}

// Where one is signed in: each live session with its device and address, ending one, or every
// session but this one (a lost or shared phone).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { formatDateTime } from '../i18n';
import { ErrorAlert, Loading, StatusMessage } from '../ui/Messages';
import { ConfirmButton } from '../ui/ConfirmButton';
import { usePageTitle } from '../ui/usePageTitle';
import { ProfileTabs } from './ProfileTabs';

interface Session {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
}

const key = ['auth', 'sessions'] as const;

/** A short, readable name for a browser's user agent: enough to recognise one's own devices. */
function deviceName(ua: string | null, unknown: string): string {
  if (!ua) return unknown;
  const browser = /Edg\//.test(ua) ? 'Edge' : /Firefox\//.test(ua) ? 'Firefox' : /Chrom(e|ium)\//.test(ua) ? 'Chrome' : /Safari\//.test(ua) ? 'Safari' : null;
  const system = /Android/.test(ua) ? 'Android' : /iPhone|iPad/.test(ua) ? 'iOS' : /Windows/.test(ua) ? 'Windows' : /Mac OS X/.test(ua) ? 'macOS' : /Linux/.test(ua) ? 'Linux' : null;
  return [browser, system].filter(Boolean).join(' · ') || unknown;
}

export function SessionsPage() {
  const { t } = useTranslation();
  usePageTitle(t('sessions.title'));
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: key, queryFn: ({ signal }) => api<{ items: Session[] }>('/auth/sessions', { signal }) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });
  const end = useMutation({ mutationFn: (id: string) => api<void>(`/auth/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' }), onSuccess: refresh });
  const endOthers = useMutation({ mutationFn: () => api<{ revoked: number }>('/auth/sessions/revoke-others', { method: 'POST', body: {} }), onSuccess: refresh });
  const others = list.data?.items.filter((s) => !s.current).length ?? 0;

  return (
    <>
      <h1>{t('sessions.title')}</h1>
      <ProfileTabs />
      <p>{t('sessions.intro')}</p>
      {list.isPending ? <Loading /> : null}
      <ErrorAlert error={list.error ?? end.error ?? endOthers.error} />
      {endOthers.data ? <StatusMessage tone="success">{t('sessions.endedOthers', { count: endOthers.data.revoked })}</StatusMessage> : null}
      {list.data ? (
        <ul className="cards">
          {list.data.items.map((s) => (
            <li key={s.id} className="card">
              <p className="card-title">
                <strong>{deviceName(s.userAgent, t('sessions.unknownDevice'))}</strong>{' '}
                {s.current ? <span className="badge ok">{t('sessions.current')}</span> : null}
              </p>
              <dl className="summary">
                <dt>{t('sessions.address')}</dt>
                <dd>{s.ip ?? '—'}</dd>
                <dt>{t('sessions.signedInAt')}</dt>
                <dd>{formatDateTime(s.createdAt)}</dd>
                <dt>{t('sessions.lastSeenAt')}</dt>
                <dd>{formatDateTime(s.lastSeenAt)}</dd>
              </dl>
              {s.current ? null : (
                <div className="actions">
                  <button type="button" className="button secondary" disabled={end.isPending} onClick={() => end.mutate(s.id)}>
                    {t('sessions.end')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {others > 0 ? (
        <div className="actions">
          <ConfirmButton
            danger
            label={t('sessions.endOthers')}
            title={t('sessions.endOthers')}
            message={t('sessions.endOthersConfirm', { count: others })}
            onConfirm={() => endOthers.mutate()}
            disabled={endOthers.isPending}
          />
        </div>
      ) : null}
    </>
  );
}

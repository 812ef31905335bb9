// API tokens: a list with revoke, and a form to create one. The token text is shown once.
// Used for a person's own tokens (/api-tokens) and for a service account's (/users/:id/api-tokens).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { ApiToken } from '../api/types';
import { formatDate, formatDateTime, textOr } from '../i18n';
import { fieldError } from '../i18n/errors';
import { ChoiceGroup, TextField } from '../ui/Field';
import { ConfirmButton } from '../ui/ConfirmButton';
import { ErrorAlert, Loading } from '../ui/Messages';
import { OneTimeSecret } from '../ui/OneTimeSecret';

export const scopeLabel = (scope: string) => textOr(`apiTokens.scopes.${scope.replace(/[:.]/g, '_')}`, scope);

function tokenState(tk: ApiToken): 'revoked' | 'expired' | 'active' {
  if (tk.revokedAt) return 'revoked';
  if (new Date(tk.expiresAt).getTime() < Date.now()) return 'expired';
  return 'active';
}

/** Lists, creates and revokes the tokens under `basePath`; the scopes offered are those the owner's roles can use, as the server reports them. */
export function ApiTokenManager({ basePath, headingLevel = 2 }: { basePath: string; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const key = ['apiTokens', basePath] as const;
  const list = useQuery({ queryKey: key, queryFn: ({ signal }) => api<{ items: ApiToken[]; availableScopes: string[] }>(basePath, { signal }) });
  const [created, setCreated] = useState<{ token: string; name: string } | null>(null);
  const H = `h${headingLevel}` as 'h2';

  const revoke = useMutation({
    mutationFn: (id: string) => api<void>(`${basePath}/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });

  return (
    <>
      <section aria-labelledby="tokens-list-title">
        <H id="tokens-list-title">{t('apiTokens.listTitle')}</H>
        {list.isPending ? <Loading /> : null}
        <ErrorAlert error={list.error ?? revoke.error} />
        {list.data && list.data.items.length === 0 ? <p>{t('apiTokens.empty')}</p> : null}
        {list.data && list.data.items.length > 0 ? (
          <ul className="cards">
            {list.data.items.map((tk) => {
              const state = tokenState(tk);
              return (
                <li key={tk.id} className="card">
                  <p className="card-title">
                    <strong>{tk.name}</strong> <span className={`badge ${state === 'active' ? 'ok' : 'off'}`}>{t(`apiTokens.state.${state}`)}</span>
                  </p>
                  <dl className="summary compact">
                    <dt>{t('apiTokens.prefix')}</dt>
                    <dd>
                      <code>{tk.prefix}…</code>
                    </dd>
                    <dt>{t('apiTokens.scopesLabel')}</dt>
                    <dd>{tk.scopes.map(scopeLabel).join(', ') || '—'}</dd>
                    <dt>{t('apiTokens.expires')}</dt>
                    <dd>{formatDate(tk.expiresAt)}</dd>
                    <dt>{t('apiTokens.lastUsed')}</dt>
                    <dd>{tk.lastUsedAt ? formatDateTime(tk.lastUsedAt) : t('apiTokens.never')}</dd>
                    <dt>{t('common.createdAt')}</dt>
                    <dd>{formatDateTime(tk.createdAt)}</dd>
                  </dl>
                  {state === 'active' ? (
                    <ConfirmButton
                      danger
                      label={t('apiTokens.revoke')}
                      title={t('apiTokens.revokeTitle', { name: tk.name })}
                      message={<p>{t('apiTokens.revokeText')}</p>}
                      onConfirm={() => revoke.mutate(tk.id)}
                      disabled={revoke.isPending}
                    />
                  ) : null}
                </li>
              );
            })}
          </ul>
        ) : null}
      </section>

      <section aria-labelledby="tokens-create-title">
        <H id="tokens-create-title">{t('apiTokens.createTitle')}</H>
        {created ? (
          <>
            <OneTimeSecret label={t('apiTokens.tokenFor', { name: created.name })} value={created.token} />
            <div className="actions">
              <button type="button" className="button secondary" onClick={() => setCreated(null)}>
                {t('apiTokens.done')}
              </button>
            </div>
          </>
        ) : (
          <CreateTokenForm
            basePath={basePath}
            scopes={list.data?.availableScopes ?? []}
            onCreated={(token, name) => {
              setCreated({ token, name });
              void queryClient.invalidateQueries({ queryKey: key });
            }}
          />
        )}
      </section>
    </>
  );
}

function CreateTokenForm({ basePath, scopes, onCreated }: { basePath: string; scopes: string[]; onCreated: (token: string, name: string) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [days, setDays] = useState('90');

  const create = useMutation({
    mutationFn: () =>
      api<{ token: string; apiToken: ApiToken }>(basePath, {
        method: 'POST',
        body: { name: name.trim(), scopes: chosen, expiresInDays: Number(days) },
      }),
    onSuccess: (r) => {
      onCreated(r.token, r.apiToken?.name ?? name);
      setName('');
      setChosen([]);
      setDays('90');
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate();
  }

  const err = create.error;
  return (
    <form onSubmit={submit} className="form">
      <ErrorAlert error={err} />
      <TextField
        label={t('apiTokens.name')}
        name="tokenName"
        required
        maxLength={100}
        value={name}
        onChange={(e) => setName(e.target.value)}
        hint={t('apiTokens.nameHint')}
        error={fieldError(err, 'name')}
      />
      <ChoiceGroup
        legend={t('apiTokens.scopesLabel')}
        name="scopes"
        options={scopes.map((s) => ({ value: s, label: scopeLabel(s) }))}
        value={chosen}
        onChange={setChosen}
        error={fieldError(err, 'scopes')}
      />
      <TextField
        label={t('apiTokens.expiresInDays')}
        name="expiresInDays"
        type="number"
        inputMode="numeric"
        min={1}
        max={365}
        step={1}
        required
        value={days}
        onChange={(e) => setDays(e.target.value)}
        hint={t('apiTokens.expiresHint')}
        error={fieldError(err, 'expiresInDays')}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={create.isPending}>
          {t('apiTokens.create')}
        </button>
      </div>
    </form>
  );
}

// Sustainability scoring models (/sustainability-models, system administrators): the versions
// loaded with the active one, a version's definition, activating a version, and loading a new one
// from a JSON file or pasted text, with the server's validation problems listed by path.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, isApiError } from '../api/client';
import { can, useMe } from '../auth/me';
import { formatDateTime, textOr } from '../i18n';
import { fieldErrorText } from '../i18n/errors';
import { NoAccess } from '../shell/NotFoundPage';
import { ConfirmButton } from '../ui/ConfirmButton';
import { TextAreaField } from '../ui/Field';
import { ErrorAlert, Loading, StatusMessage } from '../ui/Messages';
import { usePageTitle } from '../ui/usePageTitle';
import { activateModel, activeModelQuery, dimensions, loadModel, modelQuery, modelsQuery, surveyKeys, type ModelDetail, type ModelListItem } from './api';
import { bilingual } from './format';
import './surveys.css';

export function ModelsPage() {
  const me = useMe();
  const { t } = useTranslation();
  usePageTitle(t('surveyModels.title'));
  if (!can(me, 'sustainability.manageModels')) return <NoAccess />;
  return <Models />;
}

function Models() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const list = useQuery(modelsQuery());
  const [viewing, setViewing] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const activate = useMutation({
    mutationFn: (m: ModelListItem) => activateModel(m.id),
    onSuccess: (m) => {
      void queryClient.invalidateQueries({ queryKey: surveyKeys.models });
      setMessage(t('surveyModels.activated', { name: bilingual(m.name, i18n.language), version: m.version }));
    },
  });
  return (
    <>
      <div className="page-head">
        <h1>{t('surveyModels.title')}</h1>
      </div>
      <p>{t('surveyModels.intro')}</p>
      <StatusMessage tone="success">{message}</StatusMessage>
      <section aria-labelledby="models-list-title">
        <h2 id="models-list-title">{t('surveyModels.list')}</h2>
        {list.isPending ? <Loading /> : null}
        <ErrorAlert error={list.error ?? activate.error} />
        {list.data ? (
          <table className="responsive models-table">
            <caption className="visually-hidden">{t('surveyModels.list')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('surveyModels.columns.model')}</th>
                <th scope="col">{t('surveyModels.columns.version')}</th>
                <th scope="col">{t('surveyModels.columns.size')}</th>
                <th scope="col">{t('surveyModels.columns.loaded')}</th>
                <th scope="col">{t('surveyModels.columns.status')}</th>
                <th scope="col">{t('surveyModels.columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((m) => {
                const name = bilingual(m.name, i18n.language);
                return (
                  <tr key={m.id}>
                    <th scope="row" data-label={t('surveyModels.columns.model')}>
                      {name} <span className="muted small">({m.code})</span>
                    </th>
                    <td data-label={t('surveyModels.columns.version')}>{m.version}</td>
                    <td data-label={t('surveyModels.columns.size')}>{t('surveyModels.size', { indicators: m.indicatorCount, questions: m.questionCount })}</td>
                    <td data-label={t('surveyModels.columns.loaded')}>
                      {formatDateTime(m.loadedAt)} <span className="muted small">· {m.loadedBy?.displayName ?? t('surveyModels.bySystem')}</span>
                    </td>
                    <td data-label={t('surveyModels.columns.status')}>
                      {m.active ? <span className="badge ok">{t('surveyModels.active')}</span> : <span className="badge off">{t('surveyModels.inactive')}</span>}
                    </td>
                    <td data-label={t('surveyModels.columns.actions')}>
                      <div className="actions">
                        <button
                          type="button"
                          className="button secondary"
                          aria-expanded={viewing === m.id}
                          aria-label={t('surveyModels.viewNamed', { name, version: m.version })}
                          onClick={() => setViewing(viewing === m.id ? null : m.id)}
                        >
                          {viewing === m.id ? t('surveyModels.hide') : t('surveyModels.view')}
                        </button>
                        {!m.active ? (
                          <ConfirmButton
                            label={t('surveyModels.activate')}
                            title={t('surveyModels.activateTitle', { name, version: m.version })}
                            message={<p>{t('surveyModels.activateText')}</p>}
                            disabled={activate.isPending}
                            onConfirm={() => activate.mutate(m)}
                          />
                        ) : null}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : null}
      </section>
      {viewing ? <ModelView id={viewing} /> : null}
      <LoadForm
        models={list.data?.items ?? []}
        onLoaded={(m) => {
          setMessage(
            m.active
              ? t('surveyModels.load.loadedActive', { name: bilingual(m.name, i18n.language), version: m.version })
              : t('surveyModels.load.loaded', { name: bilingual(m.name, i18n.language), version: m.version }),
          );
          setViewing(m.id);
        }}
      />
    </>
  );
}

function ModelView({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const q = useQuery(modelQuery(id));
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const m = q.data.definition;
  return (
    <section className="card model-view" aria-labelledby="model-view-title">
      <h2 id="model-view-title">{t('surveyModels.definition.title', { name: bilingual(m.name, lang), version: m.version })}</h2>
      <p>{bilingual(m.basis, lang)}</p>
      <dl className="summary compact">
        <dt>{t('surveyModels.definition.composite')}</dt>
        <dd>{dimensions.map((d) => `${t(`surveys.series.${d}`)} × ${m.composite.weights[d] ?? 0}`).join(' · ')}</dd>
        <dt>{t('surveyModels.definition.minimum')}</dt>
        <dd>{Math.round(m.minimumAnswered * 100)} %</dd>
      </dl>
      {dimensions.map((d) => (
        <section key={d} aria-labelledby={`model-dim-${d}`}>
          <h3 id={`model-dim-${d}`}>{t(`surveys.series.${d}`)}</h3>
          <ul className="model-indicators">
            {m.indicators
              .filter((i) => i.dimension === d)
              .map((i) => (
                <li key={i.code}>
                  <strong>{bilingual(i.label, lang)}</strong> <span className="muted small">({i.code} · {t('surveyModels.definition.weight', { weight: i.weight })})</span>
                  <ul>
                    {m.questions
                      .filter((qq) => qq.indicator === i.code)
                      .map((qq) => (
                        <li key={qq.code}>
                          {bilingual(qq.text, lang)}{' '}
                          <span className="muted small">
                            ({qq.code} · {t('surveyModels.definition.weight', { weight: qq.weight })})
                          </span>
                          <br />
                          <span className="small">{qq.options.map((o) => `${bilingual(o.label, lang)} = ${o.value}`).join(' · ')}</span>
                        </li>
                      ))}
                  </ul>
                </li>
              ))}
          </ul>
        </section>
      ))}
      <details>
        <summary>{t('surveyModels.definition.json')}</summary>
        <pre className="model-json">{JSON.stringify(m, null, 2)}</pre>
      </details>
    </section>
  );
}

/** The problems the server found, by path, in the reader's language where the code is known. */
function Problems({ error }: { error: ApiError }) {
  const { t } = useTranslation();
  const fields = Object.entries(error.fields ?? {});
  return (
    <div role="alert" className="alert alert-error">
      <p>{t('surveyModels.load.invalid', { count: fields.length })}</p>
      <ul className="model-problems">
        {fields.map(([path, code]) => (
          <li key={path}>
            <code>{path.replace(/^model\.?/, '') || '—'}</code>: {textOr(`surveyModels.problems.${code}`, fieldErrorText(code) ?? code)}
          </li>
        ))}
      </ul>
    </div>
  );
}

function LoadForm({ models, onLoaded }: { models: ModelListItem[]; onLoaded: (m: ModelDetail) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [activate, setActivate] = useState(false);
  const [parseError, setParseError] = useState(false);
  const [missing, setMissing] = useState(false);
  const [fileError, setFileError] = useState(false);
  const active = useQuery({ ...activeModelQuery(), enabled: false });
  const fileInput = useRef<HTMLInputElement>(null);
  const load = useMutation({
    mutationFn: (model: unknown) => loadModel({ model, activate }),
    onSuccess: (m) => {
      void queryClient.invalidateQueries({ queryKey: surveyKeys.models });
      setText('');
      setActivate(false);
      if (fileInput.current) fileInput.current.value = '';
      onLoaded(m);
    },
  });
  async function fromActive() {
    const r = await active.refetch();
    if (!r.data) return;
    const d = r.data.definition;
    const next = Math.max(0, ...models.filter((m) => m.code === d.code).map((m) => m.version)) + 1;
    setText(JSON.stringify({ ...d, version: next }, null, 2));
    setParseError(false);
  }
  function readFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    setFileError(false);
    if (!file) return;
    file
      .text()
      .then((s) => {
        setText(s);
        setParseError(false);
      })
      .catch(() => setFileError(true));
  }
  function submit(e: FormEvent) {
    e.preventDefault();
    setMissing(!text.trim());
    if (!text.trim()) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      setParseError(true);
      return;
    }
    setParseError(false);
    load.mutate(parsed);
  }
  const err = load.error;
  return (
    <section className="card" aria-labelledby="model-load-title">
      <h2 id="model-load-title">{t('surveyModels.load.title')}</h2>
      <p className="hint">{t('surveyModels.load.hint')}</p>
      <form className="form" onSubmit={submit} noValidate>
        {isApiError(err, 'invalid_input') && err.fields ? (
          <Problems error={err} />
        ) : isApiError(err, 'version_exists') ? (
          <div role="alert" className="alert alert-error">
            {t('surveyModels.load.versionExists')}
          </div>
        ) : (
          <ErrorAlert error={err} />
        )}
        <div className="field">
          <label htmlFor="model-file">{t('surveyModels.load.file')}</label>
          <input id="model-file" ref={fileInput} type="file" accept=".json,application/json" onChange={readFile} aria-describedby={fileError ? 'model-file-error' : undefined} />
          {fileError ? (
            <p id="model-file-error" className="field-error">
              {t('surveyModels.load.fileError')}
            </p>
          ) : null}
        </div>
        <p>
          <button type="button" className="button secondary" onClick={() => void fromActive()} disabled={active.isFetching}>
            {t('surveyModels.load.fromActive')}
          </button>
        </p>
        <TextAreaField
          label={t('surveyModels.load.text')}
          name="model"
          rows={12}
          className="model-text"
          spellCheck={false}
          value={text}
          onChange={(e) => setText(e.target.value)}
          error={missing ? t('errors.fields.required') : parseError ? t('surveyModels.load.notJson') : null}
        />
        <div className="field">
          <label className="choice">
            <input type="checkbox" name="activate" checked={activate} onChange={(e) => setActivate(e.target.checked)} />
            <span>{t('surveyModels.load.activate')}</span>
          </label>
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={load.isPending}>
            {t('surveyModels.load.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

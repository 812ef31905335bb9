// Documents of a case: upload (PDF, JPEG or PNG up to 10 MB; checked here for a quick message, the
// server decides by the content), list, download (audited by the server) and delete (confirmed).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { formatDateTime, formatNumber, textOr } from '../../i18n';
import { fieldError, fieldErrorText } from '../../i18n/errors';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { FieldError, SelectField } from '../../ui/Field';
import { ErrorAlert, Loading, StatusMessage } from '../../ui/Messages';
import type { CaseOut } from '../api';
import {
  acceptedMediaTypes,
  attachmentCategories,
  attachmentContentUrl,
  attachmentsQuery,
  deleteAttachment,
  maxAttachmentBytes,
  partKeys,
  uploadAttachment,
  type AttachmentCategory,
} from './api';

const extensions: Record<string, string> = { pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png' };

/** A file problem found in the browser, as the server's code for it. */
export function checkFile(file: File): 'unsupported_file_type' | 'file_too_large' | 'empty_file' | null {
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  const type = file.type || extensions[ext] || '';
  if (!(acceptedMediaTypes as readonly string[]).includes(type)) return 'unsupported_file_type';
  if (file.size > maxAttachmentBytes) return 'file_too_large';
  if (file.size === 0) return 'empty_file';
  return null;
}

/** Text of a file error: this page's own wording first, then the shared field codes. */
const fileErrorText = (code: string) => textOr(`cases.documents.errors.${code}`, fieldErrorText(code) ?? code);

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${formatNumber(Math.round((bytes / (1024 * 1024)) * 10) / 10)} MB`;
  if (bytes >= 1024) return `${formatNumber(Math.round(bytes / 1024))} KB`;
  return `${formatNumber(bytes)} B`;
}

export function DocumentsTab({ c }: { c: CaseOut }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data, isPending, error } = useQuery(attachmentsQuery(c.id));
  const [message, setMessage] = useState<string | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => deleteAttachment(c.id, id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: partKeys.attachments(c.id) });
      setMessage(t('cases.documents.deleted'));
    },
  });
  return (
    <>
      <StatusMessage tone="success">{message}</StatusMessage>
      {c.can.update ? <UploadForm c={c} onDone={setMessage} /> : null}
      <section aria-labelledby="docs-list-title">
        <h3 id="docs-list-title">{t('cases.documents.list')}</h3>
        {isPending ? <Loading /> : null}
        <ErrorAlert error={error ?? remove.error} />
        {data && data.length === 0 ? <p>{t('cases.documents.none')}</p> : null}
        {data && data.length ? (
          <table className="responsive documents">
            <caption className="visually-hidden">{t('cases.documents.list')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cases.documents.fileName')}</th>
                <th scope="col">{t('cases.documents.category')}</th>
                <th scope="col">{t('cases.documents.size')}</th>
                <th scope="col">{t('cases.documents.uploaded')}</th>
                <th scope="col">{t('cases.documents.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((a) => (
                <tr key={a.id}>
                  <td data-label={t('cases.documents.fileName')} className="break">
                    {a.fileName}
                  </td>
                  <td data-label={t('cases.documents.category')}>{t(`cases.documents.categories.${a.category}`)}</td>
                  <td data-label={t('cases.documents.size')}>
                    {formatSize(a.size)} · {a.mediaType.split('/')[1]?.toUpperCase()}
                  </td>
                  <td data-label={t('cases.documents.uploaded')}>
                    {formatDateTime(a.createdAt)}
                    {a.uploadedBy ? ` · ${a.uploadedBy.displayName}` : ''}
                  </td>
                  <td data-label={t('cases.documents.actions')}>
                    <div className="actions">
                      <a className="button secondary" href={attachmentContentUrl(c.id, a.id)} download={a.fileName} aria-label={t('cases.documents.downloadNamed', { name: a.fileName })}>
                        {t('cases.documents.download')}
                      </a>
                      {c.can.update ? (
                        <ConfirmButton
                          danger
                          label={t('cases.documents.delete')}
                          title={t('cases.documents.deleteTitle', { name: a.fileName })}
                          message={<p>{t('cases.documents.deleteText')}</p>}
                          onConfirm={() => remove.mutate(a.id)}
                          disabled={remove.isPending}
                        />
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </>
  );
}

function UploadForm({ c, onDone }: { c: CaseOut; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [category, setCategory] = useState<AttachmentCategory>('consent_form');
  const [file, setFile] = useState<File | null>(null);
  const [local, setLocal] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: (f: File) => uploadAttachment(c.id, f, category),
    onSuccess: (a) => {
      void queryClient.invalidateQueries({ queryKey: partKeys.attachments(c.id) });
      onDone(t('cases.documents.uploadDone', { name: a.fileName ?? file?.name ?? '' }));
      setFile(null);
      if (input.current) input.current.value = '';
    },
    onError: () => input.current?.focus(),
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    upload.reset();
    if (!file) {
      setLocal('required');
      input.current?.focus();
      return;
    }
    const problem = checkFile(file);
    setLocal(problem);
    if (problem) {
      input.current?.focus();
      return;
    }
    upload.mutate(file);
  }

  const err = upload.error;
  const serverFileError =
    isApiError(err) && ['unsupported_file_type', 'file_too_large', 'empty_file', 'payload_too_large'].includes(err.code)
      ? fileErrorText(err.code === 'payload_too_large' ? 'file_too_large' : err.code)
      : (() => {
          const code = isApiError(err) ? (err.fields?.file ?? err.fields?.content ?? err.fields?.body) : undefined;
          return code ? fileErrorText(code) : undefined;
        })();
  const fileError = local ? fileErrorText(local) : serverFileError;
  const errorId = `${id}-error`;
  return (
    <section className="card" aria-labelledby="docs-upload-title">
      <h3 id="docs-upload-title">{t('cases.documents.upload')}</h3>
      <form className="form" onSubmit={submit} noValidate>
        {err && !fileError ? <ErrorAlert error={err} /> : null}
        <SelectField
          label={t('cases.documents.category')}
          name="category"
          value={category}
          onChange={(e) => setCategory(e.target.value as AttachmentCategory)}
          error={fieldError(err, 'category')}
        >
          {attachmentCategories.map((x) => (
            <option key={x} value={x}>
              {t(`cases.documents.categories.${x}`)}
            </option>
          ))}
        </SelectField>
        <div className="field">
          <label htmlFor={id}>{t('cases.documents.file')}</label>
          <input
            ref={input}
            id={id}
            name="file"
            type="file"
            accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={`${id}-hint${fileError ? ` ${errorId}` : ''}`}
            onChange={(e) => {
              const f = e.target.files?.[0] ?? null;
              setFile(f);
              setLocal(f ? checkFile(f) : null);
              upload.reset();
            }}
          />
          <p id={`${id}-hint`} className="hint">
            {t('cases.documents.fileHint')}
          </p>
          <FieldError id={errorId} error={fileError} />
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={upload.isPending}>
            {upload.isPending ? t('cases.documents.uploading') : t('cases.documents.uploadButton')}
          </button>
        </div>
      </form>
    </section>
  );
}

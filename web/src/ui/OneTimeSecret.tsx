// Shows a secret (activation link, API token) that the server will never show again.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyButton } from './CopyButton';

export function OneTimeSecret({ label, value, note }: { label: string; value: string; note?: string }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="one-time">
      <p className="alert alert-warning" id={`${id}-note`}>
        {note ?? t('common.shownOnce')}
      </p>
      <label htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        name="secret"
        className="secret"
        readOnly
        value={value}
        aria-describedby={`${id}-note`}
        onFocus={(e) => e.currentTarget.select()}
      />
      <CopyButton text={value} />
    </div>
  );
}

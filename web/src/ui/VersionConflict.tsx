// The box shown when someone else saved a record first (409 version_conflict): what is stored now,
// and the choice to save one's own changes over it or to take the stored values instead.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function VersionConflict({
  children,
  onReapply,
  onDiscard,
  busy,
  headingLevel = 3,
}: {
  /** A summary of the stored record. */
  children: ReactNode;
  /** Save the typed values again, based on the stored version. */
  onReapply: () => void;
  /** Drop the typed values and take the stored record. */
  onDiscard: () => void;
  busy?: boolean;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div role="alert" className="alert alert-warning conflict">
      <Heading>{t('conflict.title')}</Heading>
      <p>{t('conflict.text')}</p>
      {children}
      <div className="actions">
        <button type="button" className="button" onClick={onReapply} disabled={busy}>
          {t('conflict.reapply')}
        </button>
        <button type="button" className="button secondary" onClick={onDiscard}>
          {t('conflict.discard')}
        </button>
      </div>
    </div>
  );
}

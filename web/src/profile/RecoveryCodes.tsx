// Recovery codes, shown once: copy, download or print them.
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../ui/CopyButton';

export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const text = codes.join('\n');
  return (
    <section aria-labelledby="recovery-title" className="card recovery">
      <h2 id="recovery-title">{t('twoFactor.recoveryTitle')}</h2>
      <p className="alert alert-warning">{t('twoFactor.recoveryOnce')}</p>
      <ol className="codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ol>
      <div className="actions no-print">
        <CopyButton text={text} label={t('twoFactor.copyCodes')} />
        <a className="button secondary" download="pulang-recovery-codes.txt" href={`data:text/plain;charset=utf-8,${encodeURIComponent(text + '\n')}`}>
          {t('twoFactor.downloadCodes')}
        </a>
        <button type="button" className="button secondary" onClick={() => window.print()}>
          {t('twoFactor.printCodes')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('twoFactor.savedCodes')}
        </button>
      </div>
    </section>
  );
}

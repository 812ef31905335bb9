// A button that asks for confirmation in a native modal <dialog> (focus is kept inside by the browser).
import { useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function ConfirmButton({
  label,
  title,
  message,
  confirmLabel,
  onConfirm,
  danger = false,
  disabled = false,
}: {
  label: string;
  title: string;
  message: ReactNode;
  confirmLabel?: string;
  onConfirm: () => void;
  danger?: boolean;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  return (
    <>
      <button type="button" className={danger ? 'button danger' : 'button secondary'} disabled={disabled} onClick={() => ref.current?.showModal()}>
        {label}
      </button>
      <dialog ref={ref} aria-labelledby={`${id}-title`} aria-describedby={`${id}-message`} className="dialog">
        <h2 id={`${id}-title`}>{title}</h2>
        <div id={`${id}-message`}>{message}</div>
        <div className="actions">
          <button type="button" className="button secondary" onClick={() => ref.current?.close()} autoFocus>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className={danger ? 'button danger' : 'button'}
            onClick={() => {
              ref.current?.close();
              onConfirm();
            }}
          >
            {confirmLabel ?? label}
          </button>
        </div>
      </dialog>
    </>
  );
}

// Filters fold away at phone width (open when some filter is set); always open on wider screens.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const wide = () => typeof window !== 'undefined' && window.matchMedia?.('(min-width: 48rem)').matches;

export function FilterPanel({ active, children }: { active: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(() => active || wide());
  return (
    <details className="filter-panel" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{active ? t('common.filtersActive') : t('common.filters')}</summary>
      {children}
    </details>
  );
}

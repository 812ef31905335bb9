// Transfers proposed to the organisation and by it.
// "Masuk" (incoming: the proposals the organisation's supervisors answer) and "Keluar" (outgoing:
// those the organisation, or the case worker, made), each with its counts and status filters.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../auth/me';
import type { Me } from '../api/types';
import { formatNumber } from '../i18n';
import { NoAccess } from '../shell/NotFoundPage';
import { ResultList } from '../ui/ResultList';
import { usePageTitle } from '../ui/usePageTitle';
import { transferStatusFilters, transfersQuery, type TransferBox, type TransferListItem, type TransferStatusFilter } from './api';
import { TransferTable } from './parts';
import './transfers.css';

const LIMIT = 25;

export function transferBoxes(me: Me): TransferBox[] {
  return [...(can(me, 'transfer.respond') ? (['incoming'] as const) : []), ...(can(me, 'case.transfer') ? (['outgoing'] as const) : [])];
}

export function TransfersPage() {
  const me = useMe();
  const boxes = transferBoxes(me);
  if (!boxes.length) return <NoAccess />;
  return <Transfers boxes={boxes} />;
}

function Transfers({ boxes }: { boxes: TransferBox[] }) {
  const { t } = useTranslation();
  const [box, setBox] = useState<TransferBox>(boxes[0]!);
  const [status, setStatus] = useState<TransferStatusFilter>('proposed');
  const [offset, setOffset] = useState(0);
  const title = t('transfers.title');
  usePageTitle(`${title} · ${t(`transfers.box.${box}`)}`);
  const query = useQuery(transfersQuery(box, status, offset, LIMIT));
  const counts = query.data?.counts;
  return (
    <>
      <div className="page-head">
        <h1>{title}</h1>
      </div>
      <p className="hint">{t('transfers.intro')}</p>
      {boxes.length > 1 ? (
        <div className="transfer-chips" role="group" aria-label={t('transfers.boxes')}>
          <ul>
            {boxes.map((b) => (
              <li key={b}>
                <button
                  type="button"
                  className="link-button"
                  aria-pressed={b === box}
                  onClick={() => {
                    setBox(b);
                    setOffset(0);
                  }}
                >
                  {t(`transfers.box.${b}`)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <h2>{t(`transfers.box.${box}`)}</h2>
      <div className="transfer-chips" role="group" aria-label={t('transfers.filters')}>
        <ul>
          {transferStatusFilters.map((s) => (
            <li key={s}>
              <button
                type="button"
                className="link-button"
                aria-pressed={s === status}
                onClick={() => {
                  setStatus(s);
                  setOffset(0);
                }}
              >
                {t(`transfers.filter.${s}`)}
                {counts ? ` (${formatNumber(counts[s])})` : ''}
              </button>
            </li>
          ))}
        </ul>
      </div>
      <ResultList query={query} emptyText={t(`transfers.empty.${box}`)} offset={offset} limit={LIMIT} onPage={setOffset}>
        {(items) => <TransferTable items={items as TransferListItem[]} box={box} caption={`${t(`transfers.box.${box}`)} · ${t(`transfers.filter.${status}`)}`} />}
      </ResultList>
    </>
  );
}

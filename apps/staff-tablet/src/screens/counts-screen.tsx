// Stock counts: start one (some SKUs, or the whole store), record what is on the shelf a page at a time, see
// the variance, then apply it (on hand moves by counted − expected) or cancel. The open count is in the
// address (#/count/<id>), so a reload or another tablet carries on with it.
import { useState, type FormEvent } from 'react';
import { useAction } from '../api/use-action';
import { useLiveQuery } from '../api/use-live-query';
import type { Session } from '../auth/session';
import { ErrorText } from '../components/error-text';
import { QuantityField } from '../components/quantity-field';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';
import { href } from '../routes';
import { parseSkus } from './count-skus';

const PAGE = 50;

const CountStart = graphql(`
  mutation StockCountStart($input: StockCountStartInput!) {
    stockCountStart(input: $input) {
      stockCount {
        id
        status
      }
      userErrors {
        code
      }
    }
  }
`);

const CountQuery = graphql(`
  query StockCountView($id: ID!, $first: Int!, $after: String, $uncountedOnly: Boolean) {
    stockCount(id: $id) {
      id
      status
      lineCount
      countedCount
      createdAt
      closedAt
      lines(first: $first, after: $after, uncountedOnly: $uncountedOnly) {
        sku
        expected
        counted
        variance
        heldShort
      }
    }
  }
`);

const CountRecord = graphql(`
  mutation StockCountRecord($id: ID!, $lines: [StockCountLineInput!]!) {
    stockCountRecord(id: $id, lines: $lines) {
      stockCount {
        id
        status
        countedCount
      }
      userErrors {
        code
        field
      }
    }
  }
`);

const CountApply = graphql(`
  mutation StockCountApply($id: ID!) {
    stockCountApply(id: $id) {
      stockCount {
        id
        status
        closedAt
      }
      userErrors {
        code
      }
    }
  }
`);

const CountCancel = graphql(`
  mutation StockCountCancel($id: ID!) {
    stockCountCancel(id: $id) {
      stockCount {
        id
        status
        closedAt
      }
      userErrors {
        code
      }
    }
  }
`);

export function CountsScreen({ session }: { session: Session }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [whole, setWhole] = useState(false);
  const start = useAction(CountStart);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void start.run({ input: { locationId: session.staff.location?.id ?? '', skus: whole ? [] : parseSkus(text) } }, (o) => {
      const id = o.data?.stockCountStart.stockCount?.id;
      if (id) location.hash = href('count', id);
    });
  };
  return (
    <main className="screen">
      <h1>{t('counts.title')}</h1>
      <form className="card form" onSubmit={submit} aria-labelledby="count-start">
        <h2 id="count-start">{t('counts.start')}</h2>
        <div className="choice" role="radiogroup" aria-label={t('counts.scope')}>
          <label>
            <input type="radio" name="count-scope" checked={!whole} onChange={() => setWhole(false)} />
            {t('counts.someSkus')}
          </label>
          <label>
            <input type="radio" name="count-scope" checked={whole} onChange={() => setWhole(true)} />
            {t('counts.wholeStore')}
          </label>
        </div>
        {!whole && (
          <label>
            {t('counts.skus')}
            <textarea value={text} onChange={(e) => setText(e.target.value)} rows={3} autoComplete="off" />
          </label>
        )}
        <ErrorText code={start.code} />
        <button type="submit" className="primary" disabled={start.fetching || (!whole && !parseSkus(text).length)}>
          {t('counts.startButton')}
        </button>
      </form>
    </main>
  );
}

export function CountScreen({ id }: { id: string }) {
  const { t } = useI18n();
  const [uncountedOnly, setUncountedOnly] = useState(false);
  const [pages, setPages] = useState<(string | null)[]>([null]);
  const after = pages[pages.length - 1];
  const { data, code } = useLiveQuery(CountQuery, { id, first: PAGE, after, uncountedOnly });
  const [counted, setCounted] = useState<Record<string, number>>({});
  const record = useAction(CountRecord);
  const apply = useAction(CountApply);
  const cancel = useAction(CountCancel);
  const count = data?.stockCount;
  const open = count?.status === 'OPEN';
  const edited = Object.entries(counted).map(([sku, n]) => ({ sku, counted: n }));
  const busy = record.fetching || apply.fetching || cancel.fetching;
  const lines = count?.lines ?? [];
  return (
    <main className="screen">
      <p>
        <a href={href('counts')} className="button secondary">
          ← {t('app.back')}
        </a>
      </p>
      <h1>{t('counts.title')}</h1>
      <ErrorText code={code ?? record.code ?? apply.code ?? cancel.code} />
      {data && !count && <p>{t('counts.notFound')}</p>}
      {count && (
        <section className="card" aria-labelledby="count-title">
          <h2 id="count-title">
            {t('counts.progress', { counted: count.countedCount, total: count.lineCount })} ·{' '}
            <span data-testid="count-status">{t(`countStatus.${count.status}`)}</span>
          </h2>
          <label className="inline-check">
            <input
              type="checkbox"
              checked={uncountedOnly}
              onChange={(e) => {
                setUncountedOnly(e.target.checked);
                setPages([null]);
              }}
            />
            {t('counts.uncountedOnly')}
          </label>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('stock.sku')}</th>
                <th scope="col">{t('counts.expected')}</th>
                <th scope="col">{t('counts.counted')}</th>
                <th scope="col">{t('counts.variance')}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={l.sku}>
                  <td>{l.sku}</td>
                  <td>{l.expected}</td>
                  <td>
                    {open ? (
                      <QuantityField
                        label={`${t('counts.counted')} ${l.sku}`}
                        value={counted[l.sku] ?? l.counted ?? 0}
                        max={9999}
                        onChange={(n) => setCounted({ ...counted, [l.sku]: n })}
                      />
                    ) : (
                      (l.counted ?? '—')
                    )}
                  </td>
                  <td data-testid={`variance-${l.sku}`}>{l.variance == null ? '—' : l.variance > 0 ? `+${l.variance}` : l.variance}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="row wrap">
            <button type="button" className="secondary" disabled={pages.length < 2} onClick={() => setPages(pages.slice(0, -1))}>
              {t('levels.previous')}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={lines.length < PAGE}
              onClick={() => lines.length && setPages([...pages, lines[lines.length - 1].sku])}
            >
              {t('levels.next')}
            </button>
          </div>
          {open && (
            <div className="row wrap">
              <button
                type="button"
                className="primary"
                disabled={busy || !edited.length}
                onClick={() => void record.run({ id, lines: edited }, (o) => !o.code && setCounted({}))}
              >
                {t('counts.record')}
              </button>
              <button type="button" className="primary" disabled={busy || edited.length > 0} onClick={() => void apply.run({ id })}>
                {t('counts.apply')}
              </button>
              <button type="button" className="danger" disabled={busy} onClick={() => void cancel.run({ id })}>
                {t('counts.cancel')}
              </button>
            </div>
          )}
          {record.done && <p role="status">{t('counts.recorded')}</p>}
        </section>
      )}
    </main>
  );
}

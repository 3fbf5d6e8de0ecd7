// A SKU's stock here with its states (on hand, reserved, unsellable, safety stock, incoming, available) and
// nearby, its latest movements, and moving units between states: damaged (unsellable), back on sale, written
// off, the safety stock. Managers also get the store's levels as a list with filters.
import { useState, type FormEvent } from 'react';
import { useAction } from '../api/use-action';
import { useLiveQuery } from '../api/use-live-query';
import { isManager, storeGeo, type Session } from '../auth/session';
import { ErrorText } from '../components/error-text';
import { formatTime } from '../components/format';
import { QuantityField } from '../components/quantity-field';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';

const StockQuery = graphql(`
  query StockView($locationId: ID!, $sku: String!, $near: GeoPointInput!) {
    stockLevel(locationId: $locationId, sku: $sku) {
      sku
      onHand
      reserved
      available
      unsellable
      safetyStock
      incoming
    }
    storesNear(near: $near, radiusKm: 50, sku: $sku) {
      available
      distanceKm
      location {
        id
        name
      }
    }
    stockMovements(locationId: $locationId, sku: $sku, first: 10) {
      edges {
        node {
          id
          type
          reason
          onHandDelta
          unsellableDelta
          createdAt
        }
      }
    }
  }
`);

const MarkUnsellable = graphql(`
  mutation StockMarkUnsellable($input: StockQuantityInput!) {
    stockMarkUnsellable(input: $input) {
      stockLevel {
        sku
        onHand
        reserved
        available
        unsellable
        safetyStock
        incoming
      }
      userErrors {
        code
      }
    }
  }
`);

const MarkSellable = graphql(`
  mutation StockMarkSellable($input: StockQuantityInput!) {
    stockMarkSellable(input: $input) {
      stockLevel {
        sku
        onHand
        reserved
        available
        unsellable
        safetyStock
        incoming
      }
      userErrors {
        code
      }
    }
  }
`);

const WriteOff = graphql(`
  mutation StockWriteOff($input: StockQuantityInput!) {
    stockWriteOff(input: $input) {
      stockLevel {
        sku
        onHand
        reserved
        available
        unsellable
        safetyStock
        incoming
      }
      userErrors {
        code
      }
    }
  }
`);

const SafetySet = graphql(`
  mutation StockSafetySet($input: StockQuantityInput!) {
    stockSafetySet(input: $input) {
      stockLevel {
        sku
        onHand
        reserved
        available
        unsellable
        safetyStock
        incoming
      }
      userErrors {
        code
      }
    }
  }
`);

const LevelsQuery = graphql(`
  query StockLevelsList($locationId: ID!, $filter: StockLevelFilter, $after: String) {
    stockLevels(locationId: $locationId, filter: $filter, first: 25, after: $after) {
      edges {
        node {
          sku
          onHand
          reserved
          unsellable
          safetyStock
          incoming
          available
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export function StockScreen({ session }: { session: Session }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [sku, setSku] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSku(text.trim().toUpperCase());
  };
  return (
    <main className="screen">
      <h1>{t('stock.title')}</h1>
      <form className="card form inline" onSubmit={submit} role="search">
        <label>
          {t('stock.sku')}
          <input value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
        </label>
        <button type="submit" className="primary">
          {t('stock.show')}
        </button>
      </form>
      {sku && <SkuStock key={sku} sku={sku} session={session} />}
      {isManager(session) && <LevelsList session={session} onPick={(s) => (setText(s), setSku(s))} />}
    </main>
  );
}

type Move = 'damaged' | 'sellable' | 'writeOff' | 'safety';

function SkuStock({ sku, session }: { sku: string; session: Session }) {
  const { t, language } = useI18n();
  const store = session.staff.location;
  const locationId = store?.id ?? '';
  const { data, code } = useLiveQuery(StockQuery, { locationId, sku, near: storeGeo(session) }, !store);
  const [quantity, setQuantity] = useState(1);
  const [last, setLast] = useState<{ move: Move; count: number }>();
  const actions = {
    damaged: useAction(MarkUnsellable),
    sellable: useAction(MarkSellable),
    writeOff: useAction(WriteOff),
    safety: useAction(SafetySet),
  };
  const level = data?.stockLevel;
  const busy = Object.values(actions).some((a) => a.fetching);
  const refusal = Object.values(actions).find((a) => a.code)?.code;
  const run = (move: Move, reason: string) => {
    for (const a of Object.values(actions)) a.clear();
    setLast(undefined);
    void actions[move].run({ input: { locationId, sku, quantity, reason } }, (o) => !o.code && setLast({ move, count: quantity }));
  };
  const states: [MessageKey, number | undefined, string][] = [
    ['stock.onHand', level?.onHand, 'on-hand'],
    ['stock.reserved', level?.reserved, 'reserved'],
    ['stock.unsellable', level?.unsellable, 'unsellable'],
    ['stock.safetyStock', level?.safetyStock, 'safety-stock'],
    ['stock.incoming', level?.incoming, 'incoming'],
    ['stock.available', level?.available, 'available'],
  ];
  return (
    <div className="two-columns">
      <section className="card" aria-labelledby="sku-title">
        <h2 id="sku-title">{sku}</h2>
        <ErrorText code={code ?? refusal} />
        {level && (
          <dl className="facts levels">
            {states.map(([label, value, id]) => (
              <div key={id} className="fact">
                <dt>{t(label)}</dt>
                <dd data-testid={id}>{value}</dd>
              </div>
            ))}
          </dl>
        )}
        {data && !level && <p>{t('stock.noLevel')}</p>}
        <QuantityField label={t('stock.quantity')} value={quantity} max={Math.max(level?.onHand ?? 0, 99)} onChange={setQuantity} />
        <div className="row wrap">
          <button type="button" className="danger" disabled={!quantity || busy} onClick={() => run('damaged', 'DAMAGED')}>
            {t('stock.damaged')}
          </button>
          <button type="button" className="secondary" disabled={!quantity || busy} onClick={() => run('sellable', 'BACK_ON_SALE')}>
            {t('stock.sellable')}
          </button>
          <button type="button" className="danger" disabled={!quantity || busy} onClick={() => run('writeOff', 'WRITE_OFF')}>
            {t('stock.writeOff')}
          </button>
          <button type="button" className="secondary" disabled={busy} onClick={() => run('safety', 'SAFETY_STOCK')}>
            {t('stock.safety')}
          </button>
        </div>
        {last && <p role="status">{t(`stock.done.${last.move}` as MessageKey, { count: last.count })}</p>}
      </section>
      <section className="card">
        <h2>{t('aisle.nearby')}</h2>
        <table>
          <tbody>
            {data?.storesNear
              .filter((s) => s.location.id !== locationId)
              .map((s) => (
                <tr key={s.location.id}>
                  <td>{s.location.name}</td>
                  <td>{s.distanceKm.toFixed(1)} km</td>
                  <td>{t('aisle.available', { count: s.available })}</td>
                </tr>
              ))}
          </tbody>
        </table>
        <h2>{t('stock.ledger')}</h2>
        <table>
          <tbody>
            {data?.stockMovements.edges.map(({ node: m }) => (
              <tr key={m.id}>
                <td>{formatTime(m.createdAt, language)}</td>
                <td>{m.type}</td>
                <td>{m.reason}</td>
                <td>{m.onHandDelta > 0 ? `+${m.onHandDelta}` : m.onHandDelta}</td>
                <td>{m.unsellableDelta ? `${t('stock.unsellable')} ${m.unsellableDelta > 0 ? '+' : ''}${m.unsellableDelta}` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

type Filter = 'all' | 'unsellable' | 'incoming' | 'soldOut';
const FILTERS: Filter[] = ['all', 'unsellable', 'incoming', 'soldOut'];

function LevelsList({ session, onPick }: { session: Session; onPick: (sku: string) => void }) {
  const { t } = useI18n();
  const [prefix, setPrefix] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const [pages, setPages] = useState<(string | null)[]>([null]);
  const after = pages[pages.length - 1];
  const variables = {
    locationId: session.staff.location?.id ?? '',
    after,
    filter: { skuPrefix: prefix.trim().toUpperCase() || null, ...(filter === 'all' ? {} : { [filter]: true }) },
  };
  const { data, code } = useLiveQuery(LevelsQuery, variables);
  const page = data?.stockLevels;
  const reset = () => setPages([null]);
  return (
    <section className="card" aria-labelledby="levels-title">
      <h2 id="levels-title">{t('levels.title')}</h2>
      <div className="row wrap">
        <label>
          {t('levels.prefix')}
          <input
            value={prefix}
            onChange={(e) => {
              setPrefix(e.target.value);
              reset();
            }}
            autoComplete="off"
          />
        </label>
        <div className="choice" role="radiogroup" aria-label={t('levels.filter')}>
          {FILTERS.map((f) => (
            <label key={f}>
              <input
                type="radio"
                name="levels-filter"
                checked={filter === f}
                onChange={() => {
                  setFilter(f);
                  reset();
                }}
              />
              {t(`levels.${f}` as MessageKey)}
            </label>
          ))}
        </div>
      </div>
      <ErrorText code={code} />
      <table data-testid="levels">
        <thead>
          <tr>
            <th scope="col">{t('stock.sku')}</th>
            <th scope="col">{t('stock.onHand')}</th>
            <th scope="col">{t('stock.reserved')}</th>
            <th scope="col">{t('stock.unsellable')}</th>
            <th scope="col">{t('stock.safetyStock')}</th>
            <th scope="col">{t('stock.incoming')}</th>
            <th scope="col">{t('stock.available')}</th>
          </tr>
        </thead>
        <tbody>
          {page?.edges.map(({ node: l }) => (
            <tr key={l.sku}>
              <td>
                <button type="button" className="link" onClick={() => onPick(l.sku)}>
                  {l.sku}
                </button>
              </td>
              <td>{l.onHand}</td>
              <td>{l.reserved}</td>
              <td>{l.unsellable}</td>
              <td>{l.safetyStock}</td>
              <td>{l.incoming}</td>
              <td>{l.available}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {page && !page.edges.length && <p className="muted">{t('levels.none')}</p>}
      <div className="row wrap">
        <button type="button" className="secondary" disabled={pages.length < 2} onClick={() => setPages(pages.slice(0, -1))}>
          {t('levels.previous')}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={!page?.pageInfo.hasNextPage}
          onClick={() => page?.pageInfo.endCursor && setPages([...pages, page.pageInfo.endCursor])}
        >
          {t('levels.next')}
        </button>
      </div>
    </section>
  );
}

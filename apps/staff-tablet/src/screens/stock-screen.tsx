// A SKU's stock here and nearby, its latest movements, and marking damaged units (a removal with reason
// DAMAGED until issue 25's stock states arrive). Transfers and counts wait for their API (see ComingSoon).
import { useState, type FormEvent } from 'react';
import { useAction } from '../api/use-action';
import { useLiveQuery } from '../api/use-live-query';
import { storeGeo, type Session } from '../auth/session';
import { ErrorText } from '../components/error-text';
import { formatTime } from '../components/format';
import { QuantityField } from '../components/quantity-field';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';
import { ComingSoon } from './coming-soon-screen';

const StockQuery = graphql(`
  query StockView($locationId: ID!, $sku: String!, $near: GeoPointInput!) {
    stockLevel(locationId: $locationId, sku: $sku) {
      onHand
      reserved
      available
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
          reservedDelta
          createdAt
        }
      }
    }
  }
`);

const MarkDamaged = graphql(`
  mutation MarkDamaged($input: StockAdjustInput!) {
    stockAdjust(input: $input) {
      stockLevel {
        onHand
        reserved
        available
      }
      userErrors {
        code
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
      <div className="two-columns">
        <ComingSoon title="transfers.title" issue={25} operations={['transfers', 'transferReceive', 'transferShip', 'transferCreate']} />
        <ComingSoon title="counts.title" issue={25} operations={['stockCountStart', 'stockCountRecord', 'stockCountApply']} />
      </div>
    </main>
  );
}

function SkuStock({ sku, session }: { sku: string; session: Session }) {
  const { t, language } = useI18n();
  const store = session.staff.location;
  const locationId = store?.id ?? '';
  const { data, code } = useLiveQuery(StockQuery, { locationId, sku, near: storeGeo(session) }, !store);
  const [damaged, setDamaged] = useState(1);
  const mark = useAction(MarkDamaged);
  const level = data?.stockLevel;
  return (
    <div className="two-columns">
      <section className="card">
        <ErrorText code={code ?? mark.code} />
        {level && (
          <dl className="facts levels">
            <dt>{t('stock.onHand')}</dt>
            <dd>{level.onHand}</dd>
            <dt>{t('stock.reserved')}</dt>
            <dd>{level.reserved}</dd>
            <dt>{t('stock.available')}</dt>
            <dd data-testid="available">{level.available}</dd>
          </dl>
        )}
        <QuantityField label={t('stock.quantity')} value={damaged} max={level?.available ?? 0} onChange={setDamaged} />
        <button
          type="button"
          className="danger"
          disabled={!damaged || mark.fetching}
          onClick={() => void mark.run({ input: { locationId, sku, delta: -damaged, reason: 'DAMAGED' } })}
        >
          {t('stock.damaged')}
        </button>
        {mark.done && <p role="status">{t('stock.damagedDone', { count: damaged })}</p>}
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
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

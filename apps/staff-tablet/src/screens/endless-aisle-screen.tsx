// The endless aisle: search or scan (a keyboard-wedge scanner types into the focused field and presses
// Enter), see the size here and in nearby stores with when it could be ready, and order it for the customer.
import { useState, type FormEvent } from 'react';
import { useIdempotencyKey } from '../api/idempotency';
import { useAction } from '../api/use-action';
import { useLiveQuery } from '../api/use-live-query';
import { storeGeo, type Session } from '../auth/session';
import { ErrorText } from '../components/error-text';
import { formatMoney, formatTime } from '../components/format';
import { useI18n } from '../i18n/i18n';
import { AisleAvailabilityQuery, AisleSearchQuery, AssistedOrderCreate } from './endless-aisle-operations';

interface Chosen {
  id: string;
  sku: string;
  label: string;
}

export function EndlessAisleScreen({ session }: { session: Session }) {
  const { t, language } = useI18n();
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<Chosen>();
  const results = useLiveQuery(AisleSearchQuery, { search, sku: search.toUpperCase() }, !search);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setChosen(undefined);
    setSearch(text.trim());
  };
  // A scanner types a SKU label or the EAN/UPC barcode: either names one size.
  const scanned = results.data?.variant ?? results.data?.byBarcode;
  const products = results.data?.products.edges.map((e) => e.node) ?? [];
  const noResults = results.data && !scanned && products.length === 0;

  return (
    <main className="screen">
      <h1>{t('aisle.title')}</h1>
      <form className="card form inline" onSubmit={submit} role="search">
        <label>
          {t('aisle.search')}
          <input autoFocus value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" enterKeyHint="search" />
        </label>
        <button type="submit" className="primary">
          {t('lookup.search')}
        </button>
      </form>
      <ErrorText code={results.code} />
      {noResults && <p>{t('aisle.noResults')}</p>}
      {!chosen && (
        <ul className="cards">
          {scanned && !scanned.archived && (
            <li>
              <button
                type="button"
                className="card"
                onClick={() => setChosen({ id: scanned.id, sku: scanned.sku, label: `${scanned.product.name} · ${scanned.size}` })}
              >
                {scanned.product.name} · {scanned.size} · {scanned.colour} · {formatMoney(scanned.price, language)}
              </button>
            </li>
          )}
          {products.map((p) => (
            <li key={p.id} className="card">
              <strong>{p.name}</strong>
              <div className="sizes">
                {p.variants.map((v) => (
                  <button
                    key={v.id}
                    type="button"
                    className="size"
                    aria-label={`${p.name} ${v.size ?? ''} ${v.colour ?? ''}`}
                    onClick={() => setChosen({ id: v.id, sku: v.sku, label: `${p.name} · ${v.size}` })}
                  >
                    {v.size}
                  </button>
                ))}
              </div>
            </li>
          ))}
        </ul>
      )}
      {chosen && <SizeAvailability key={chosen.sku} chosen={chosen} session={session} />}
    </main>
  );
}

function SizeAvailability({ chosen, session }: { chosen: Chosen; session: Session }) {
  const { t, language } = useI18n();
  const store = session.staff.location;
  const { data, code } = useLiveQuery(
    AisleAvailabilityQuery,
    { locationId: store?.id ?? '', sku: chosen.sku, near: storeGeo(session) },
    !store,
  );
  const here = data?.stockLevel?.available ?? 0;
  const nearby = data?.storesNear.filter((s) => s.location.id !== store?.id) ?? [];
  return (
    <section className="two-columns">
      <div className="card">
        <h2>{chosen.label}</h2>
        <ErrorText code={code} />
        <p className="big" data-testid="here">
          {t('aisle.here')}: {here > 0 ? t('aisle.available', { count: here }) : t('aisle.none')}
        </p>
        {data?.pickupPromise && <p>{t('aisle.readyBy', { time: formatTime(data.pickupPromise, language) })}</p>}
        <h3>{t('aisle.nearby')}</h3>
        <table>
          <tbody>
            {nearby.map((s) => (
              <tr key={s.location.id}>
                <td>{s.location.name}</td>
                <td>{s.distanceKm.toFixed(1)} km</td>
                <td>{t('aisle.available', { count: s.available })}</td>
                <td>{s.readyBy ? t('aisle.readyBy', { time: formatTime(s.readyBy, language) }) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <OrderForm chosen={chosen} locationId={store?.id ?? ''} />
    </section>
  );
}

function OrderForm({ chosen, locationId }: { chosen: Chosen; locationId: string }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [type, setType] = useState<'PICKUP' | 'DELIVERY'>('PICKUP');
  const [address, setAddress] = useState({ line1: '', city: '', postalCode: '' });
  const [key, renewKey] = useIdempotencyKey();
  const [placed, setPlaced] = useState<string>();
  const order = useAction(AssistedOrderCreate);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const delivery = type === 'PICKUP' ? { type, locationId } : { type, address: { ...address, country: 'FR' } };
    // Answered (placed or refused): the next purchase gets a new key. Lost on the way: the banner's Retry
    // replays this very request, same key, and the answer comes back here.
    await order.run(
      { input: { locationId, idempotencyKey: key, contact: { email }, lines: [{ variantId: chosen.id, quantity: 1 }], delivery } },
      ({ data }) => {
        if (data) renewKey();
        const number = data?.assistedOrderCreate.order?.number;
        if (number) setPlaced(number);
      },
    );
  }

  if (placed)
    return (
      <p className="card success" role="status">
        {t('aisle.placed', { number: placed })}
      </p>
    );
  const field = (name: keyof typeof address, label: string) => (
    <label>
      {label}
      <input required value={address[name]} onChange={(e) => setAddress({ ...address, [name]: e.target.value })} />
    </label>
  );
  return (
    <form className="card form" onSubmit={(e) => void submit(e)}>
      <h2>{t('aisle.order')}</h2>
      <label>
        {t('aisle.email')}
        <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <fieldset className="choice">
        <legend>{t('aisle.how')}</legend>
        <label>
          <input type="radio" name="delivery" checked={type === 'PICKUP'} onChange={() => setType('PICKUP')} /> {t('aisle.pickupHere')}
        </label>
        <label>
          <input type="radio" name="delivery" checked={type === 'DELIVERY'} onChange={() => setType('DELIVERY')} /> {t('aisle.delivery')}
        </label>
      </fieldset>
      {type === 'DELIVERY' && (
        <>
          {field('line1', t('aisle.address'))}
          {field('postalCode', t('aisle.postalCode'))}
          {field('city', t('aisle.city'))}
        </>
      )}
      <ErrorText code={order.code} />
      <button type="submit" className="primary" disabled={order.fetching}>
        {t('aisle.place')}
      </button>
    </form>
  );
}

// Find an order by its number, or a customer by email, phone or name, then open them.
import { useState, type FormEvent } from 'react';
import { useLiveQuery } from '../api/use-live-query';
import { ErrorText } from '../components/error-text';
import { formatMoney, formatTime } from '../components/format';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';
import { href } from '../routes';

const CustomerLookupQuery = graphql(`
  query CustomerLookup($query: String!) {
    customerLookup(query: $query) {
      id
      name
      email
      phone
    }
  }
`);

const OrderByNumberQuery = graphql(`
  query OrderByNumber($number: String!) {
    orderByNumber(number: $number) {
      id
      number
      status
      channel
      contactEmail
      createdAt
      total {
        amount
        currency
      }
      lines {
        sku
        quantity
        unitPrice {
          amount
          currency
        }
      }
      fulfillments {
        id
        type
        status
        pickupLocation {
          name
        }
      }
    }
  }
`);

export function LookupScreen() {
  const { t } = useI18n();
  const [number, setNumber] = useState('');
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const customers = useLiveQuery(CustomerLookupQuery, { query }, query.length < 2);

  const openOrder = (e: FormEvent) => {
    e.preventDefault();
    if (number.trim()) location.hash = href('order', number.trim().toUpperCase());
  };
  const findCustomer = (e: FormEvent) => {
    e.preventDefault();
    setQuery(text.trim());
  };

  return (
    <main className="screen">
      <h1>{t('lookup.title')}</h1>
      <div className="two-columns">
        <form className="card form" onSubmit={openOrder}>
          <label>
            {t('lookup.order')}
            <input value={number} onChange={(e) => setNumber(e.target.value)} autoComplete="off" />
          </label>
          <button type="submit" className="primary">
            {t('lookup.search')}
          </button>
        </form>
        <form className="card form" onSubmit={findCustomer} role="search">
          <label>
            {t('lookup.customer')}
            <input value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
          </label>
          <button type="submit" className="primary">
            {t('lookup.search')}
          </button>
        </form>
      </div>
      <ErrorText code={customers.code} />
      {query && customers.data && (
        <ul className="cards" aria-live="polite">
          {customers.data.customerLookup.length === 0 && <li className="muted">{t('lookup.noCustomer')}</li>}
          {customers.data.customerLookup.map((c) => (
            <li key={c.id}>
              <a className="card" href={href('customer', c.id)}>
                <strong>{c.name ?? c.email}</strong> <span>{c.email}</span> <span>{c.phone}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

export function OrderScreen({ number }: { number: string }) {
  const { t, language } = useI18n();
  const { data, code, fetching } = useLiveQuery(OrderByNumberQuery, { number });
  const order = data?.orderByNumber;
  return (
    <main className="screen">
      <p>
        <a href={href('lookup')} className="button secondary">
          ← {t('app.back')}
        </a>
      </p>
      <ErrorText code={code} />
      {fetching && !data && <p>{t('app.loading')}</p>}
      {data && !order && <p>{t('lookup.noOrder')}</p>}
      {order && (
        <>
          <h1>{t('order.title', { number: order.number })}</h1>
          <dl className="facts">
            <dt>{t('pickup.status')}</dt>
            <dd>{t(`orderStatus.${order.status}`)}</dd>
            <dt>{t('order.channel')}</dt>
            <dd>{t(`channel.${order.channel}`)}</dd>
            <dt>{t('pickup.customer')}</dt>
            <dd>{order.contactEmail}</dd>
            <dt>{t('order.total')}</dt>
            <dd>{formatMoney(order.total, language)}</dd>
          </dl>
          <section className="card">
            <h2>{t('pickup.lines')}</h2>
            <table>
              <tbody>
                {order.lines.map((l) => (
                  <tr key={l.sku}>
                    <td className="qty">{l.quantity}×</td>
                    <td>{l.sku}</td>
                    <td>{formatMoney(l.unitPrice, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <ul>
              {order.fulfillments.map((f) => (
                <li key={f.id}>
                  {t(`type.${f.type}`)} · {t(`status.${f.status}`)} {f.pickupLocation ? `· ${f.pickupLocation.name}` : ''}
                </li>
              ))}
            </ul>
            <p className="muted">{formatTime(order.createdAt, language)}</p>
          </section>
        </>
      )}
    </main>
  );
}

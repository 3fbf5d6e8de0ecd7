// Returns and exchanges at the counter. Today: find the order (bought on any channel) and choose what comes
// back. Taking it back needs returnCreate (contract-v2, issue 24): its operation waits in
// pending/contract-v2-operations.graphql and the button stays off until schema.gql has it.
import { useState, type FormEvent } from 'react';
import { useLiveQuery } from '../api/use-live-query';
import { ErrorText } from '../components/error-text';
import { formatMoney, formatTime } from '../components/format';
import { QuantityField } from '../components/quantity-field';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';
import { ComingSoon } from './coming-soon-screen';

const ReturnOrderQuery = graphql(`
  query ReturnOrderLookup($number: String!) {
    orderByNumber(number: $number) {
      id
      number
      channel
      createdAt
      lines {
        sku
        quantity
        unitPrice {
          amount
          currency
        }
      }
    }
  }
`);

export function ReturnsScreen() {
  const { t, language } = useI18n();
  const [text, setText] = useState('');
  const [number, setNumber] = useState('');
  const [back, setBack] = useState<Record<string, number>>({});
  const { data, code } = useLiveQuery(ReturnOrderQuery, { number }, !number);
  const order = data?.orderByNumber;
  const count = Object.values(back).reduce((a, b) => a + b, 0);

  const find = (e: FormEvent) => {
    e.preventDefault();
    setBack({});
    setNumber(text.trim().toUpperCase());
  };

  return (
    <main className="screen">
      <h1>{t('returns.title')}</h1>
      <form className="card form inline" onSubmit={find} role="search">
        <label>
          {t('lookup.order')}
          <input value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
        </label>
        <button type="submit" className="primary">
          {t('lookup.search')}
        </button>
      </form>
      <ErrorText code={code} />
      {data && !order && <p>{t('lookup.noOrder')}</p>}
      {order && (
        <section className="card">
          <h2>{t('order.title', { number: order.number })}</h2>
          <p className="muted">
            {t('returns.bought', { date: formatTime(order.createdAt, language), channel: t(`channel.${order.channel}`) })}
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('pickup.lines')}</th>
                <th scope="col">{t('returns.back')}</th>
              </tr>
            </thead>
            <tbody>
              {order.lines.map((l) => (
                <tr key={l.sku}>
                  <td>
                    {l.quantity}× {l.sku} · {formatMoney(l.unitPrice, language)}
                  </td>
                  <td>
                    <QuantityField
                      label={`${t('returns.back')} ${l.sku}`}
                      value={back[l.sku] ?? 0}
                      max={l.quantity}
                      onChange={(n) => setBack({ ...back, [l.sku]: n })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" className="primary" disabled>
            {t('returns.take', { count })}
          </button>
        </section>
      )}
      <ComingSoon title="returns.title" issue={24} operations={['returnCreate', 'returnReceive', 'returnByNumber']} />
    </main>
  );
}

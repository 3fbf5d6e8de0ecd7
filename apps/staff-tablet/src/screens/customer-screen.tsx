// The single customer view: who they are, their orders from every channel, the cart they are building, consent.
import { useLiveQuery } from '../api/use-live-query';
import { ErrorText } from '../components/error-text';
import { formatMoney, formatTime } from '../components/format';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';
import { href } from '../routes';

const CustomerQuery = graphql(`
  query CustomerView($id: ID!) {
    customer(id: $id) {
      id
      name
      email
      phone
      stats {
        orders
        totalSpent {
          amount
          currency
        }
        preferredChannel
      }
      marketingConsent {
        email
        sms
        updatedAt
      }
      cart {
        id
        lines {
          id
          quantity
          addedVia
          variant {
            sku
            size
            product {
              name
            }
          }
        }
        cost {
          total {
            amount
            currency
          }
        }
      }
      orders {
        id
        number
        status
        channel
        createdAt
        total {
          amount
          currency
        }
      }
    }
  }
`);

export function CustomerScreen({ id }: { id: string }) {
  const { t, language } = useI18n();
  const { data, code } = useLiveQuery(CustomerQuery, { id });
  const c = data?.customer;
  const yes = (b: boolean) => (b ? t('customer.yes') : t('customer.no'));
  return (
    <main className="screen">
      <p>
        <a href={href('lookup')} className="button secondary">
          ← {t('app.back')}
        </a>
      </p>
      <ErrorText code={code} />
      {c && (
        <>
          <h1>{c.name ?? c.email}</h1>
          <dl className="facts">
            <dt>{t('customer.email')}</dt>
            <dd>{c.email}</dd>
            <dt>{t('customer.phone')}</dt>
            <dd>{c.phone ?? '—'}</dd>
            <dt>{t('customer.spent')}</dt>
            <dd>
              {formatMoney(c.stats.totalSpent, language)} · {t('customer.orderCount', { count: c.stats.orders })}
            </dd>
          </dl>
          <div className="two-columns">
            <section className="card">
              <h2>{t('customer.orders')}</h2>
              {c.orders.length === 0 && <p className="muted">{t('customer.noOrders')}</p>}
              <table>
                <tbody>
                  {c.orders.map((o) => (
                    <tr key={o.id}>
                      <td>
                        <a href={href('order', o.number)}>{o.number}</a>
                      </td>
                      <td>
                        <span className="badge">{t(`channel.${o.channel}`)}</span>
                      </td>
                      <td>{t(`orderStatus.${o.status}`)}</td>
                      <td>{formatMoney(o.total, language)}</td>
                      <td className="muted">{formatTime(o.createdAt, language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <section className="card">
              <h2>{t('customer.cart')}</h2>
              {c.cart.lines.length === 0 ? (
                <p className="muted">{t('customer.cartEmpty')}</p>
              ) : (
                <ul>
                  {c.cart.lines.map((l) => (
                    <li key={l.id}>
                      {l.quantity}× {l.variant.product.name} · {l.variant.size} <span className="badge">{t(`channel.${l.addedVia}`)}</span>
                    </li>
                  ))}
                  <li>
                    <strong>{formatMoney(c.cart.cost.total, language)}</strong>
                  </li>
                </ul>
              )}
              <h2>{t('customer.consent')}</h2>
              <p>
                {t('customer.consentEmail')}: {yes(c.marketingConsent.email)} · {t('customer.consentSms')}: {yes(c.marketingConsent.sms)}
              </p>
            </section>
          </div>
        </>
      )}
      {data && !c && <p>{t('lookup.noCustomer')}</p>}
    </main>
  );
}

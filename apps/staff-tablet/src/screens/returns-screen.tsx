// Returns and exchanges at the counter: find the order (bought on any channel), choose what comes back, why and
// where it goes (back on sale or damaged), optionally another size of the same item instead (an exchange), and
// take it back with returnCreate (one idempotency key per return, kept across a Retry). A return the customer
// requested online is found by its number and received here with returnReceive.
import { useEffect, useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { useAction } from '../api/use-action';
import { useIdempotencyKey } from '../api/idempotency';
import { useLiveQuery } from '../api/use-live-query';
import type { Session } from '../auth/session';
import { ErrorText } from '../components/error-text';
import { formatMoney, formatTime } from '../components/format';
import { QuantityField } from '../components/quantity-field';
import { graphql } from '../gql';
import type { ReturnCreateMutation } from '../gql/graphql';
import { useI18n, type Translate } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { href } from '../routes';
import {
  NO_CHOICE,
  REASONS,
  returnLinesInput,
  returnableBySku,
  unitsChosen,
  withReason,
  type Disposition,
  type LineChoice,
} from './return-lines';

const ReturnOrderQuery = graphql(`
  query ReturnOrder($number: String!) {
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
      returns {
        id
        number
        status
        lines {
          quantity
          variant {
            id
            sku
          }
        }
      }
    }
  }
`);

const VariantSizesQuery = graphql(`
  query ReturnVariantSizes($sku: String!) {
    variant(sku: $sku) {
      id
      size
      price {
        amount
      }
      product {
        name
        variants {
          id
          sku
          size
          archived
          price {
            amount
          }
        }
      }
    }
  }
`);

const ReturnCreate = graphql(`
  mutation ReturnCreate($input: ReturnCreateInput!) {
    returnCreate(input: $input) {
      return {
        id
        number
        status
        refundMethod
        refundSettled
        refund {
          amount
          currency
        }
        exchangeOrder {
          id
          number
          status
        }
        lines {
          quantity
          exchanged
          reason
          disposition
          variant {
            id
            sku
          }
        }
      }
      userErrors {
        code
        field
      }
    }
  }
`);

const ReturnByNumber = graphql(`
  query ReturnByNumber($number: String!) {
    returnByNumber(number: $number) {
      id
      number
      status
      order {
        id
        number
      }
      refundMethod
      refundSettled
      refund {
        amount
        currency
      }
      lines {
        quantity
        reason
        disposition
        variant {
          id
          sku
        }
      }
    }
  }
`);

const ReturnReceive = graphql(`
  mutation ReturnReceive($input: ReturnReceiveInput!) {
    returnReceive(input: $input) {
      return {
        id
        number
        status
        refundMethod
        refundSettled
        refund {
          amount
          currency
        }
        lines {
          quantity
          disposition
          variant {
            id
            sku
          }
        }
      }
      userErrors {
        code
        field
      }
    }
  }
`);

type Made = NonNullable<ReturnCreateMutation['returnCreate']['return']>;

/**
 * How the money goes back, in words: CARD (pending until the provider answers), COUNTER, or NONE (nothing was
 * paid to give back: an even exchange, or an order not paid yet; the refund is then the value taken back).
 */
function refundHow(r: { refundMethod?: string | null; refundSettled: boolean }, t: Translate): string {
  const how =
    r.refundMethod === 'CARD' || r.refundMethod === 'COUNTER' || r.refundMethod === 'NONE' ? t(`refundMethod.${r.refundMethod}`) : '';
  const pending = r.refundMethod === 'CARD' && !r.refundSettled ? t('returns.refundPending') : '';
  return [how, pending]
    .filter(Boolean)
    .map((w) => ` · ${w}`)
    .join('');
}

export function ReturnsScreen({ session }: { session: Session }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [number, setNumber] = useState('');
  const find = (e: FormEvent) => {
    e.preventDefault();
    setNumber(text.trim().toUpperCase());
  };
  return (
    <main className="screen">
      <h1>{t('returns.title')}</h1>
      <div className="two-columns">
        <section className="card" aria-labelledby="find-order-title">
          <h2 id="find-order-title">{t('returns.findOrder')}</h2>
          <form className="form inline" onSubmit={find} role="search" aria-label={t('returns.findOrder')}>
            <label>
              {t('lookup.order')}
              <input value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
            </label>
            <button type="submit" className="primary">
              {t('lookup.search')}
            </button>
          </form>
        </section>
        <ReceiveRequested session={session} />
      </div>
      {number && <CounterReturn key={number} number={number} session={session} />}
    </main>
  );
}

function CounterReturn({ number, session }: { number: string; session: Session }) {
  const { t, language } = useI18n();
  const { data, code, refetch } = useLiveQuery(ReturnOrderQuery, { number });
  const [choices, setChoices] = useState<Record<string, LineChoice>>({});
  const [variantIds, setVariantIds] = useState<Record<string, string>>({});
  const [key, renewKey] = useIdempotencyKey();
  const create = useAction(ReturnCreate);
  const [made, setMade] = useState<Made>();
  const order = data?.orderByNumber;
  if (code) return <ErrorText code={code} />;
  if (data && !order) return <p>{t('lookup.noOrder')}</p>;
  if (!order) return <p className="muted">{t('app.loading')}</p>;

  const left = returnableBySku(order);
  const count = unitsChosen(choices);
  const input = returnLinesInput(choices, variantIds);
  const submit = () =>
    void create.run(
      {
        input: {
          orderId: order.id,
          locationId: session.staff.location?.id ?? '',
          idempotencyKey: key,
          lines: input.lines,
          exchange: input.exchange.length ? input.exchange : null,
        },
      },
      (outcome) => {
        if (outcome.code === 'NETWORK') return; // the banner's Retry sends the same key
        renewKey();
        const r = outcome.data?.returnCreate.return;
        if (r) {
          setMade(r);
          setChoices({});
          // What may still come back is read again (an order without returns yet is not invalidated by the cache).
          refetch({ requestPolicy: 'network-only' });
        }
      },
    );

  return (
    <section className="card" aria-labelledby="return-order">
      <h2 id="return-order">{t('order.title', { number: order.number })}</h2>
      <p className="muted">
        {t('returns.bought', { date: formatTime(order.createdAt, language), channel: t(`channel.${order.channel}`) })}
      </p>
      {order.lines.map((l) => (
        <ReturnLineRow
          key={l.sku}
          sku={l.sku}
          bought={l.quantity}
          left={left[l.sku] ?? 0}
          price={formatMoney(l.unitPrice, language)}
          choice={choices[l.sku] ?? NO_CHOICE}
          onChange={(c) => setChoices((all) => ({ ...all, [l.sku]: c }))}
          onVariant={(id) => setVariantIds((all) => (all[l.sku] === id ? all : { ...all, [l.sku]: id }))}
        />
      ))}
      <ErrorText code={create.code} />
      <button type="button" className="primary wide" disabled={!input.lines.length || create.fetching} onClick={submit}>
        {input.exchange.length ? t('returns.takeWithExchange', { count }) : t('returns.take', { count })}
      </button>
      {made && (
        <div className="success" role="status" data-testid="return-made">
          <p>
            <strong>{t('returns.made', { number: made.number })}</strong>
          </p>
          <p>
            {t('returns.refund', { amount: formatMoney(made.refund, language) })}
            {refundHow(made, t)}
          </p>
          {made.exchangeOrder && (
            <p>
              {t('returns.exchangeOrder')}{' '}
              <a href={href('order', made.exchangeOrder.number)} className="button secondary" data-testid="exchange-order">
                {made.exchangeOrder.number}
              </a>
            </p>
          )}
        </div>
      )}
      {order.returns.length > 0 && (
        <p className="muted">
          {t('returns.earlier')}: {order.returns.map((r) => `${r.number} (${t(`returnStatus.${r.status}`)})`).join(', ')}
        </p>
      )}
    </section>
  );
}

interface RowProps {
  sku: string;
  bought: number;
  left: number;
  price: string;
  choice: LineChoice;
  onChange: (c: LineChoice) => void;
  onVariant: (id: string) => void;
}

function ReturnLineRow({ sku, bought, left, price, choice, onChange, onVariant }: RowProps) {
  const { t } = useI18n();
  const [{ data }] = useQuery({ query: VariantSizesQuery, variables: { sku } });
  const variant = data?.variant;
  useEffect(() => {
    if (variant) onVariant(variant.id);
  }, [variant, onVariant]);
  // Another size of the same product at the same price (the API refuses anything else: EXCHANGE_NOT_ALLOWED).
  const sizes =
    variant?.product.variants.filter((v) => v.id !== variant.id && !v.archived && v.price.amount === variant.price.amount) ?? [];
  const id = `line-${sku}`;
  return (
    <fieldset className="return-line" aria-labelledby={id}>
      <legend id={id}>
        {variant ? `${variant.product.name} · ${variant.size ?? ''} · ` : ''}
        {sku} · {bought}× {price}
        {left < bought ? ` · ${t('returns.left', { count: left })}` : ''}
      </legend>
      <div className="row wrap">
        <QuantityField
          label={`${t('returns.back')} ${sku}`}
          value={choice.quantity}
          max={left}
          onChange={(quantity) => onChange({ ...choice, quantity })}
        />
        <label>
          {t('returns.reason')}
          <select value={choice.reason} onChange={(e) => onChange(withReason(choice, e.target.value as LineChoice['reason']))}>
            {REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`reason.${r}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('returns.disposition')}
          <select value={choice.disposition} onChange={(e) => onChange({ ...choice, disposition: e.target.value as Disposition })}>
            <option value="RESTOCK">{t('disposition.RESTOCK')}</option>
            <option value="DAMAGED">{t('disposition.DAMAGED')}</option>
          </select>
        </label>
        <label>
          {t('returns.exchangeFor')}
          <select
            value={choice.exchangeVariantId ?? ''}
            disabled={!sizes.length}
            onChange={(e) => onChange({ ...choice, exchangeVariantId: e.target.value || undefined })}
          >
            <option value="">{t('returns.noExchange')}</option>
            {sizes.map((v) => (
              <option key={v.id} value={v.id}>
                {t('returns.size', { size: v.size ?? v.sku })}
              </option>
            ))}
          </select>
        </label>
      </div>
    </fieldset>
  );
}

function ReceiveRequested({ session }: { session: Session }) {
  const { t, language } = useI18n();
  const [text, setText] = useState('');
  const [number, setNumber] = useState('');
  const { data, code } = useLiveQuery(ReturnByNumber, { number }, !number);
  const receive = useAction(ReturnReceive);
  const [got, setGot] = useState<Record<string, { quantity: number; disposition: Disposition }>>({});
  const ret = data?.returnByNumber;
  const find = (e: FormEvent) => {
    e.preventDefault();
    setGot({});
    setNumber(text.trim().toUpperCase());
  };
  const lineOf = (l: NonNullable<typeof ret>['lines'][number]) =>
    got[l.variant.id] ?? { quantity: l.quantity, disposition: l.disposition ?? 'RESTOCK' };
  const submit = () =>
    ret &&
    void receive.run({
      input: {
        returnId: ret.id,
        locationId: session.staff.location?.id ?? '',
        lines: ret.lines.map((l) => ({ variantId: l.variant.id, ...lineOf(l) })).filter((l) => l.quantity > 0),
      },
    });
  return (
    <section className="card" aria-labelledby="receive-title">
      <h2 id="receive-title">{t('returns.receiveTitle')}</h2>
      <form className="form inline" onSubmit={find} role="search" aria-label={t('returns.receiveTitle')}>
        <label>
          {t('returns.number')}
          <input value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
        </label>
        <button type="submit" className="secondary">
          {t('lookup.search')}
        </button>
      </form>
      <ErrorText code={code ?? receive.code} />
      {data && !ret && <p>{t('returns.noReturn')}</p>}
      {ret && (
        <>
          <p>
            <strong>{ret.number}</strong> · {t('order.title', { number: ret.order.number })} ·{' '}
            <span data-testid="return-status">{t(`returnStatus.${ret.status}`)}</span>
          </p>
          {ret.status === 'REQUESTED' &&
            ret.lines.map((l) => (
              <div className="row wrap" key={l.variant.id}>
                <span>
                  {l.variant.sku} · {t(`reason.${l.reason}` as MessageKey)}
                </span>
                <QuantityField
                  label={`${t('returns.arrived')} ${l.variant.sku}`}
                  value={lineOf(l).quantity}
                  max={l.quantity}
                  onChange={(quantity) => setGot({ ...got, [l.variant.id]: { ...lineOf(l), quantity } })}
                />
                <label>
                  {t('returns.disposition')}
                  <select
                    value={lineOf(l).disposition}
                    onChange={(e) => setGot({ ...got, [l.variant.id]: { ...lineOf(l), disposition: e.target.value as Disposition } })}
                  >
                    <option value="RESTOCK">{t('disposition.RESTOCK')}</option>
                    <option value="DAMAGED">{t('disposition.DAMAGED')}</option>
                  </select>
                </label>
              </div>
            ))}
          {ret.status === 'REQUESTED' && (
            <button type="button" className="primary" disabled={receive.fetching} onClick={submit}>
              {t('returns.receive')}
            </button>
          )}
          {ret.status === 'RECEIVED' && (
            <p role="status">
              {t('returns.refund', { amount: formatMoney(ret.refund, language) })}
              {refundHow(ret, t)}
            </p>
          )}
        </>
      )}
    </section>
  );
}

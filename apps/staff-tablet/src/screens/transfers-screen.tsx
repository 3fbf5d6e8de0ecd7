// Transfers between stores: what is on its way here (to receive, with the units that actually arrived), what
// others asked of this store (to send), asking another store for stock (transferCreate, one idempotency key per
// request), and cancelling a request before it ships.
import { useState, type FormEvent } from 'react';
import { useAction } from '../api/use-action';
import { useIdempotencyKey } from '../api/idempotency';
import { useLiveQuery } from '../api/use-live-query';
import type { Session } from '../auth/session';
import { ErrorText } from '../components/error-text';
import { formatTime } from '../components/format';
import { QuantityField } from '../components/quantity-field';
import { graphql } from '../gql';
import type { TransfersQuery } from '../gql/graphql';
import { useI18n } from '../i18n/i18n';
import { splitTransfers } from './transfer-groups';

const TransfersList = graphql(`
  query Transfers($locationId: ID!) {
    transfers(locationId: $locationId, first: 50) {
      id
      number
      status
      createdAt
      shippedAt
      receivedAt
      from {
        id
        name
      }
      to {
        id
        name
      }
      lines {
        sku
        quantity
        received
        variant {
          size
          product {
            name
          }
        }
      }
    }
    locations {
      id
      name
    }
  }
`);

const TransferCreate = graphql(`
  mutation TransferCreate($input: TransferCreateInput!) {
    transferCreate(input: $input) {
      transfer {
        id
        number
        status
      }
      userErrors {
        code
        field
      }
    }
  }
`);

const TransferShip = graphql(`
  mutation TransferShip($id: ID!) {
    transferShip(id: $id) {
      transfer {
        id
        status
        shippedAt
      }
      userErrors {
        code
      }
    }
  }
`);

const TransferReceive = graphql(`
  mutation TransferReceive($id: ID!, $lines: [TransferLineInput!]!) {
    transferReceive(id: $id, lines: $lines) {
      transfer {
        id
        status
        receivedAt
        lines {
          sku
          quantity
          received
        }
      }
      userErrors {
        code
        field
      }
    }
  }
`);

const TransferCancel = graphql(`
  mutation TransferCancel($id: ID!) {
    transferCancel(id: $id) {
      transfer {
        id
        status
        cancelledAt
      }
      userErrors {
        code
      }
    }
  }
`);

type Transfer = TransfersQuery['transfers'][number];

export function TransfersScreen({ session }: { session: Session }) {
  const { t } = useI18n();
  const here = session.staff.location?.id ?? '';
  const { data, code, refetch } = useLiveQuery(TransfersList, { locationId: here });
  const groups = splitTransfers(data?.transfers ?? [], here);
  return (
    <main className="screen">
      <h1>{t('transfers.title')}</h1>
      <ErrorText code={code} />
      <RequestTransfer
        here={here}
        stores={(data?.locations ?? []).filter((l) => l.id !== here)}
        // A list that held no transfer yet is not invalidated by urql's document cache: read it again.
        onCreated={() => refetch({ requestPolicy: 'network-only' })}
      />
      <div className="two-columns">
        <section className="card" aria-labelledby="to-receive" data-testid="to-receive">
          <h2 id="to-receive">{t('transfers.toReceive')}</h2>
          {groups.toReceive.map((tr) => (
            <TransferCard key={tr.id} transfer={tr} here={here} />
          ))}
          {!groups.toReceive.length && <p className="muted">{t('transfers.none')}</p>}
        </section>
        <section className="card" aria-labelledby="to-send" data-testid="to-send">
          <h2 id="to-send">{t('transfers.toSend')}</h2>
          {groups.toSend.map((tr) => (
            <TransferCard key={tr.id} transfer={tr} here={here} />
          ))}
          {!groups.toSend.length && <p className="muted">{t('transfers.none')}</p>}
        </section>
      </div>
      <section className="card" aria-labelledby="transfers-done" data-testid="transfers-done">
        <h2 id="transfers-done">{t('transfers.done')}</h2>
        {groups.done.map((tr) => (
          <TransferCard key={tr.id} transfer={tr} here={here} />
        ))}
        {!groups.done.length && <p className="muted">{t('transfers.none')}</p>}
      </section>
    </main>
  );
}

function RequestTransfer({ here, stores, onCreated }: { here: string; stores: { id: string; name: string }[]; onCreated: () => void }) {
  const { t } = useI18n();
  const [from, setFrom] = useState('');
  const [sku, setSku] = useState('');
  const [quantity, setQuantity] = useState(1);
  const [key, renewKey] = useIdempotencyKey();
  const create = useAction(TransferCreate);
  const [made, setMade] = useState<string>();
  const source = from || stores[0]?.id || '';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMade(undefined);
    void create.run(
      {
        input: {
          fromLocationId: source,
          toLocationId: here,
          idempotencyKey: key,
          lines: [{ sku: sku.trim().toUpperCase(), quantity }],
        },
      },
      (o) => {
        if (o.code === 'NETWORK') return;
        renewKey();
        const tr = o.data?.transferCreate.transfer;
        if (tr) {
          setMade(tr.number);
          onCreated();
          setSku('');
          setQuantity(1);
        }
      },
    );
  };
  return (
    <form className="card form" onSubmit={submit} aria-labelledby="request-title">
      <h2 id="request-title">{t('transfers.request')}</h2>
      <div className="row wrap">
        <label>
          {t('transfers.from')}
          <select value={source} onChange={(e) => setFrom(e.target.value)}>
            {stores.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('stock.sku')}
          <input value={sku} onChange={(e) => setSku(e.target.value)} autoComplete="off" required />
        </label>
        <QuantityField label={t('stock.quantity')} value={quantity} max={99} onChange={setQuantity} />
        <button type="submit" className="primary" disabled={!sku.trim() || !quantity || !source || create.fetching}>
          {t('transfers.ask')}
        </button>
      </div>
      <ErrorText code={create.code} />
      {made && <p role="status">{t('transfers.requested', { number: made })}</p>}
    </form>
  );
}

function TransferCard({ transfer: tr, here }: { transfer: Transfer; here: string }) {
  const { t, language } = useI18n();
  const ship = useAction(TransferShip);
  const receive = useAction(TransferReceive);
  const cancel = useAction(TransferCancel);
  const [arrived, setArrived] = useState<Record<string, number>>({});
  const incoming = tr.to.id === here;
  const canReceive = incoming && tr.status === 'IN_TRANSIT';
  const canShip = tr.from.id === here && tr.status === 'REQUESTED';
  const busy = ship.fetching || receive.fetching || cancel.fetching;
  const got = (sku: string, quantity: number) => arrived[sku] ?? quantity;
  return (
    <article className="transfer" aria-labelledby={`transfer-${tr.id}`} data-testid={`transfer-${tr.number}`}>
      <h3 id={`transfer-${tr.id}`}>
        {tr.number} · {incoming ? t('transfers.fromStore', { name: tr.from.name }) : t('transfers.toStore', { name: tr.to.name })}
      </h3>
      <p>
        <span className="badge" data-testid="transfer-status">
          {t(`transferStatus.${tr.status}`)}
        </span>{' '}
        <span className="muted">{formatTime(tr.receivedAt ?? tr.shippedAt ?? tr.createdAt, language)}</span>
      </p>
      <table>
        <tbody>
          {tr.lines.map((l) => (
            <tr key={l.sku}>
              <td>
                {l.quantity}× {l.variant.product.name} · {l.variant.size} · {l.sku}
              </td>
              <td>
                {canReceive ? (
                  <QuantityField
                    label={`${t('transfers.arrived')} ${l.sku}`}
                    value={got(l.sku, l.quantity)}
                    max={l.quantity}
                    onChange={(n) => setArrived({ ...arrived, [l.sku]: n })}
                  />
                ) : l.received != null ? (
                  t('transfers.receivedCount', { count: l.received })
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorText code={ship.code ?? receive.code ?? cancel.code} />
      <div className="row wrap">
        {canReceive && (
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => void receive.run({ id: tr.id, lines: tr.lines.map((l) => ({ sku: l.sku, quantity: got(l.sku, l.quantity) })) })}
          >
            {t('transfers.receive')}
          </button>
        )}
        {canShip && (
          <button type="button" className="primary" disabled={busy} onClick={() => void ship.run({ id: tr.id })}>
            {t('transfers.ship')}
          </button>
        )}
        {tr.status === 'REQUESTED' && (
          <button type="button" className="secondary" disabled={busy} onClick={() => void cancel.run({ id: tr.id })}>
            {t('transfers.cancel')}
          </button>
        )}
      </div>
    </article>
  );
}

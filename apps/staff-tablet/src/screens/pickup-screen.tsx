// One pickup at the counter: prepare it, receive it, hand it over against the customer's code (all of it,
// or what they keep after trying on), report what cannot be found, and a manager's unlock.
import { useState } from 'react';
import { useAction } from '../api/use-action';
import { isManager, type Session } from '../auth/session';
import { ErrorText } from '../components/error-text';
import { formatTime } from '../components/format';
import { Keypad, PICKUP_CODE_LENGTH } from '../components/keypad';
import { QuantityField } from '../components/quantity-field';
import { useI18n } from '../i18n/i18n';
import { href } from '../routes';
import { Collect, CollectPartial, MarkReady, Receive, ReportShortage, Unlock } from './pickup-operations';
import { usePickupQueue, type QueueFulfillment } from './use-pickup-queue';

export function PickupScreen({ id, session }: { id: string; session: Session }) {
  const { t, language } = useI18n();
  const queue = usePickupQueue(session.staff.location?.id ?? '');
  const [done, setDone] = useState<string>();
  const pickup = queue.items.find((f) => f.id === id);

  return (
    <main className="screen">
      <p>
        <a href={href('pickups')} className="button secondary">
          ← {t('app.back')}
        </a>
      </p>
      {done && (
        <p className="success" role="status">
          {done}
        </p>
      )}
      <ErrorText code={queue.code} />
      {!pickup ? (
        !queue.loading && !done && <p>{t('pickup.notInQueue')}</p>
      ) : (
        <>
          <h1>{t('pickup.title', { number: pickup.order.number })}</h1>
          <dl className="facts">
            <dt>{t('pickup.status')}</dt>
            <dd data-testid="pickup-status">{t(`status.${pickup.status}`)}</dd>
            <dt>{t('pickup.customer')}</dt>
            <dd>{pickup.order.contactEmail}</dd>
            <dt>{pickup.status === 'READY_FOR_PICKUP' ? t('pickups.expires', { time: '' }) : t('pickups.readyBy', { time: '' })}</dt>
            <dd>{formatTime(pickup.status === 'READY_FOR_PICKUP' ? pickup.expiresAt : pickup.readyBy, language)}</dd>
          </dl>
          <PickupActions pickup={pickup} session={session} onDone={setDone} onChanged={queue.apply} />
        </>
      )}
    </main>
  );
}

interface ActionsProps {
  pickup: QueueFulfillment;
  session: Session;
  onDone: (message: string) => void;
  onChanged: (f: QueueFulfillment) => void;
}

function PickupActions({ pickup, session, onDone, onChanged }: ActionsProps) {
  const { t } = useI18n();
  const markReady = useAction(MarkReady);
  const receive = useAction(Receive);
  const unlock = useAction(Unlock);

  if (pickup.pickupLocked) {
    return (
      <section className="card">
        <p className="warning">{t('pickup.lockedHelp')}</p>
        <ErrorText code={unlock.code} />
        {isManager(session) && (
          <button
            type="button"
            className="primary"
            disabled={unlock.fetching}
            onClick={() =>
              void unlock.run({ id: pickup.id }).then(({ data }) => {
                if (data?.pickupUnlock.fulfillment) {
                  onChanged(data.pickupUnlock.fulfillment);
                  onDone(t('pickup.unlocked'));
                }
              })
            }
          >
            {t('pickup.unlock')}
          </button>
        )}
      </section>
    );
  }
  if (pickup.status === 'READY_FOR_PICKUP') return <CollectPanel pickup={pickup} onDone={onDone} onChanged={onChanged} />;
  return (
    <>
      <LinesTable pickup={pickup} />
      <section className="card actions">
        <ErrorText code={markReady.code ?? receive.code} />
        {pickup.status === 'ALLOCATED' && (
          <button
            type="button"
            className="primary"
            disabled={markReady.fetching}
            onClick={() =>
              void markReady.run({ id: pickup.id }).then(({ data }) => {
                if (data?.fulfillmentMarkReady.fulfillment) {
                  onChanged(data.fulfillmentMarkReady.fulfillment);
                  onDone(t('pickup.ready'));
                }
              })
            }
          >
            {t('pickup.markReady')}
          </button>
        )}
        {pickup.status === 'IN_TRANSIT' && (
          <button
            type="button"
            className="primary"
            disabled={receive.fetching}
            onClick={() =>
              void receive.run({ id: pickup.id }).then(({ data }) => {
                if (data?.fulfillmentReceive.fulfillment) onChanged(data.fulfillmentReceive.fulfillment);
              })
            }
          >
            {t('pickup.receive')}
          </button>
        )}
      </section>
      {pickup.status === 'ALLOCATED' && pickup.sourceLocation?.id === session.staff.location?.id && (
        <ShortagePanel pickup={pickup} onDone={onDone} />
      )}
    </>
  );
}

function LinesTable({ pickup }: { pickup: QueueFulfillment }) {
  const { t } = useI18n();
  return (
    <section className="card">
      <h2>{t('pickup.lines')}</h2>
      <table>
        <tbody>
          {pickup.lines.map((l) => (
            <tr key={l.sku}>
              <td className="qty">{l.quantity}×</td>
              <td>
                {l.variant.product.name} · {l.variant.size} · {l.variant.colour}
              </td>
              <td className="muted">{l.sku}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function CollectPanel({ pickup, onDone, onChanged }: Omit<ActionsProps, 'session'>) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [keeps, setKeeps] = useState<Record<string, number>>(() => Object.fromEntries(pickup.lines.map((l) => [l.variant.id, l.quantity])));
  const collect = useAction(Collect);
  const partial = useAction(CollectPartial);
  const partialChosen = pickup.lines.some((l) => keeps[l.variant.id] !== l.quantity);

  async function handOver() {
    const result = partialChosen
      ? (
          await partial.run({
            id: pickup.id,
            pickupCode: code,
            lines: pickup.lines.map((l) => ({ variantId: l.variant.id, quantity: keeps[l.variant.id] ?? 0 })),
          })
        ).data?.fulfillmentCollectPartial
      : (await collect.run({ id: pickup.id, pickupCode: code })).data?.fulfillmentCollect;
    if (result?.fulfillment && !result.userErrors.length) {
      onChanged(result.fulfillment);
      onDone(t('pickup.collected'));
    } else setCode('');
  }

  return (
    <div className="collect">
      <section className="card">
        <h2>{t('pickup.lines')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('pickup.lines')}</th>
              <th scope="col">{t('pickup.keeps')}</th>
            </tr>
          </thead>
          <tbody>
            {pickup.lines.map((l) => (
              <tr key={l.sku}>
                <td>
                  {l.quantity}× {l.variant.product.name} · {l.variant.size} · {l.variant.colour}
                </td>
                <td>
                  <QuantityField
                    label={`${t('pickup.keeps')} ${l.sku}`}
                    value={keeps[l.variant.id] ?? 0}
                    max={l.quantity}
                    onChange={(n) => setKeeps({ ...keeps, [l.variant.id]: n })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card">
        <Keypad value={code} onChange={setCode} label={t('pickup.code')} />
        <ErrorText code={partialChosen ? partial.code : collect.code} />
        <button
          type="button"
          className="primary wide"
          disabled={code.length !== PICKUP_CODE_LENGTH || collect.fetching || partial.fetching}
          onClick={() => void handOver()}
        >
          {partialChosen ? t('pickup.collectPartial') : t('pickup.collect')}
        </button>
      </section>
    </div>
  );
}

function ShortagePanel({ pickup, onDone }: { pickup: QueueFulfillment; onDone: (m: string) => void }) {
  const { t } = useI18n();
  const [missing, setMissing] = useState<Record<string, number>>({});
  const report = useAction(ReportShortage);
  const count = Object.values(missing).reduce((a, b) => a + b, 0);
  return (
    <section className="card">
      <h2>{t('pickup.shortage')}</h2>
      {pickup.lines.map((l) => (
        <div key={l.sku} className="row">
          <span>{l.sku}</span>
          <QuantityField
            label={`${t('pickup.missing')} ${l.sku}`}
            value={missing[l.variant.id] ?? 0}
            max={l.quantity}
            onChange={(n) => setMissing({ ...missing, [l.variant.id]: n })}
          />
        </div>
      ))}
      <ErrorText code={report.code} />
      <button
        type="button"
        className="danger"
        disabled={!count || report.fetching}
        onClick={() =>
          void report
            .run({
              id: pickup.id,
              lines: Object.entries(missing)
                .filter(([, q]) => q > 0)
                .map(([variantId, quantity]) => ({ variantId, quantity })),
            })
            .then(({ data }) => {
              const order = data?.fulfillmentReportShortage.order;
              if (order && !data.fulfillmentReportShortage.userErrors.length)
                onDone(t('pickup.shortageDone', { number: order.number, status: order.status }));
            })
        }
      >
        {t('pickup.shortageSend', { count })}
      </button>
    </section>
  );
}

// Today's pickups, live, in the four groups of the shop floor, and the pick list beside them.
import { useEffect, useState } from 'react';
import { useLiveQuery } from '../api/use-live-query';
import { ErrorText } from '../components/error-text';
import { formatTime } from '../components/format';
import { useI18n } from '../i18n/i18n';
import { href } from '../routes';
import { PickListQuery } from './pickup-operations';
import { QUEUE_GROUPS, groupQueue } from './queue-grouping';
import { usePickupQueue, type QueueFulfillment } from './use-pickup-queue';

/** The time, re-read each minute: a ready pickup moves to "expiring soon" while the screen stays open. */
function useNow(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function PickupsScreen({ locationId }: { locationId: string }) {
  const { t, language } = useI18n();
  const queue = usePickupQueue(locationId);
  const groups = groupQueue(queue.items, useNow());
  const pickList = useLiveQuery(PickListQuery, { locationId });
  const refetchPickList = pickList.refetch;
  useEffect(() => {
    if (queue.events) refetchPickList({ requestPolicy: 'network-only' });
  }, [queue.events, refetchPickList]);

  const card = (f: QueueFulfillment) => (
    <li key={f.id}>
      <a className="card pickup-card" href={href('pickup', f.id)}>
        <strong>{f.order.number}</strong>
        <span>{f.order.contactEmail}</span>
        <span>{t('pickups.items', { count: f.lines.reduce((n, l) => n + l.quantity, 0) })}</span>
        <span>
          {f.status === 'READY_FOR_PICKUP'
            ? t('pickups.expires', { time: formatTime(f.expiresAt, language) })
            : t('pickups.readyBy', { time: formatTime(f.readyBy, language) })}
        </span>
      </a>
    </li>
  );

  return (
    <main className="screen">
      <h1>
        {t('pickups.title')} {queue.live && <span className="badge live">{t('pickups.live')}</span>}
      </h1>
      <ErrorText code={queue.code} />
      {queue.loading && <p>{t('app.loading')}</p>}
      <div className="queue">
        {QUEUE_GROUPS.map((g) => (
          <section key={g} className={`queue-group group-${g}`} aria-labelledby={`group-${g}`} data-testid={`group-${g}`}>
            <h2 id={`group-${g}`}>
              {t(`pickups.group.${g}`)} <span className="count">{groups[g].length}</span>
            </h2>
            {groups[g].length ? <ul className="cards">{groups[g].map(card)}</ul> : <p className="muted">{t('pickups.empty')}</p>}
          </section>
        ))}
      </div>
      <section className="card" aria-labelledby="pick-list">
        <h2 id="pick-list">{t('pickups.pickList')}</h2>
        <ErrorText code={pickList.code} />
        {pickList.data?.pickList.length ? (
          <table>
            <tbody>
              {pickList.data.pickList.map((item) => (
                <tr key={item.variant.sku}>
                  <td className="qty">{item.quantity}×</td>
                  <td>
                    {item.variant.product.name} · {item.variant.size} · {item.variant.colour}
                  </td>
                  <td className="muted">{item.variant.sku}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">{t('pickups.pickListEmpty')}</p>
        )}
      </section>
    </main>
  );
}

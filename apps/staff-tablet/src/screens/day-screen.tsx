// For managers: the store's day in pictures (sales by channel, click and collect, refunds) since midnight.
import { useMemo } from 'react';
import { useLiveQuery } from '../api/use-live-query';
import type { Session } from '../auth/session';
import { BarChart, RingChart } from '../charts/bar-chart';
import { ErrorText } from '../components/error-text';
import { formatMoney } from '../components/format';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';

const DayQuery = graphql(`
  query StoreDay($from: DateTime!, $to: DateTime!) {
    channelReport(from: $from, to: $to) {
      channel
      orders
      revenueTotal {
        amount
        currency
      }
      refundedTotal {
        amount
        currency
      }
      returns
      returnedUnits
    }
    returnsReport(from: $from, to: $to) {
      location {
        id
      }
      returns
      units
      refundedTotal {
        amount
        currency
      }
    }
    clickAndCollectReport(from: $from, to: $to) {
      pickupFulfillments
      collected
      expired
      collectedShare
      expiredRate
      medianOrderToReadySeconds
    }
  }
`);

export function DayScreen({ session }: { session: Session }) {
  const { t, language } = useI18n();
  const range = useMemo(() => {
    const from = new Date();
    from.setHours(0, 0, 0, 0);
    return { from: from.toISOString(), to: new Date(Date.now() + 60_000).toISOString() };
  }, []);
  const { data, code } = useLiveQuery(DayQuery, range);
  const rows = data?.channelReport ?? [];
  const cc = data?.clickAndCollectReport;
  const decided = cc ? cc.collected + cc.expired : 0;
  const sales = rows.map((r) => ({ label: r.channel, value: r.revenueTotal.amount, display: formatMoney(r.revenueTotal, language) }));
  const refunds = rows.map((r) => ({ label: r.channel, value: r.refundedTotal.amount, display: formatMoney(r.refundedTotal, language) }));
  const prep = cc?.medianOrderToReadySeconds;
  // Returns by the channel the goods were sold on, and what this store took back (whatever the channel).
  const returnsByChannel = rows
    .filter((r) => r.returns > 0)
    .map((r) => ({
      label: r.channel,
      value: r.returnedUnits,
      display: t('day.units', { units: r.returnedUnits }),
    }));
  const takenBack = data?.returnsReport.find((r) => r.location.id === session.staff.location?.id);
  return (
    <main className="screen">
      <h1>
        {t('day.title')} · {session.staff.location?.name}
      </h1>
      <ErrorText code={code} />
      <div className="charts">
        <section className="card">
          <h2>{t('day.salesByChannel')}</h2>
          {sales.length ? <BarChart title={t('day.salesByChannel')} bars={sales} /> : <p className="muted">{t('day.noData')}</p>}
        </section>
        <section className="card">
          <h2>{t('day.collectRate')}</h2>
          <RingChart
            title={t('day.uncollected')}
            share={decided ? (cc?.expired ?? 0) / decided : 0}
            caption={`${t('day.uncollected')} ${cc?.expired ?? 0}, ${t('day.collected')} ${cc?.collected ?? 0}`}
          />
          <p>
            {t('day.uncollected')}: {cc?.expired ?? 0} · {t('day.collected')}: {cc?.collected ?? 0}
          </p>
          <p>
            {t('day.prepTime')}: <strong>{prep == null ? '—' : t('day.minutes', { value: Math.round(prep / 60) })}</strong>
          </p>
        </section>
        <section className="card">
          <h2>{t('day.refunds')}</h2>
          {refunds.length ? <BarChart title={t('day.refunds')} bars={refunds} /> : <p className="muted">{t('day.noData')}</p>}
        </section>
        <section className="card" data-testid="day-returns">
          <h2>{t('day.returnsByChannel')}</h2>
          {returnsByChannel.length ? (
            <BarChart title={t('day.returnsByChannel')} bars={returnsByChannel} />
          ) : (
            <p className="muted">{t('day.noReturns')}</p>
          )}
          <p>{t('day.returnsCount', { returns: rows.reduce((n, r) => n + r.returns, 0) })}</p>
          <p>
            {t('day.takenBackHere', {
              returns: takenBack?.returns ?? 0,
              units: takenBack?.units ?? 0,
              amount: takenBack ? formatMoney(takenBack.refundedTotal, language) : '—',
            })}
          </p>
        </section>
      </div>
    </main>
  );
}

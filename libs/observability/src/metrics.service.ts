import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import {
  collectDefaultMetrics,
  Counter,
  type CounterConfiguration,
  Gauge,
  type GaugeConfiguration,
  Histogram,
  type HistogramConfiguration,
  type Metric,
  Registry,
} from 'prom-client';

/**
 * The process's Prometheus registry, served at GET /metrics. Domains register their own metrics here
 * (a gauge of reservations held, an outbox backlog…); a gauge given `collect` is read at scrape time,
 * so it costs nothing between scrapes.
 *
 * Each application gets a registry of its own rather than prom-client's global one, so several apps
 * in one process (the tests) never collide on a metric name. Asking twice for the same name returns
 * the metric already registered.
 */
@Injectable()
export class MetricsService implements OnModuleDestroy {
  readonly registry = new Registry();

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  counter<L extends string>(config: Omit<CounterConfiguration<L>, 'registers'>): Counter<L> {
    return this.existing<Counter<L>>(config.name, Counter) ?? new Counter({ ...config, registers: [this.registry] });
  }

  gauge<L extends string>(config: Omit<GaugeConfiguration<L>, 'registers'>): Gauge<L> {
    return this.existing<Gauge<L>>(config.name, Gauge) ?? new Gauge({ ...config, registers: [this.registry] });
  }

  /** A gauge read at scrape time by `read`; NaN when the read fails (say, the database is down), never a failed scrape. */
  gaugeReading(name: string, help: string, read: () => Promise<number>): Gauge {
    return this.gauge({
      name,
      help,
      async collect() {
        this.set(await read().catch(() => NaN));
      },
    });
  }

  histogram<L extends string>(config: Omit<HistogramConfiguration<L>, 'registers'>): Histogram<L> {
    return this.existing<Histogram<L>>(config.name, Histogram) ?? new Histogram({ ...config, registers: [this.registry] });
  }

  /** The text exposition format and its content type. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  onModuleDestroy(): void {
    this.registry.clear();
  }

  private existing<M>(name: string, kind: abstract new (...args: never[]) => Metric): M | undefined {
    const found = this.registry.getSingleMetric(name);
    if (found && !(found instanceof kind)) throw new Error(`metric ${name} is already registered as another kind`);
    return found as M | undefined;
  }
}

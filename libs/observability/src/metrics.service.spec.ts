import { describe, expect, it } from '@jest/globals';
import { MetricsService } from './metrics.service.js';

describe('MetricsService', () => {
  it('gives each app its own registry, so two apps in one process register the same names', async () => {
    const a = new MetricsService();
    const b = new MetricsService();
    a.counter({ name: 'things_total', help: 'things' }).inc();
    b.counter({ name: 'things_total', help: 'things' }).inc(2);
    expect((await a.scrape()).body).toContain('things_total 1');
    expect((await b.scrape()).body).toContain('things_total 2');
    a.onModuleDestroy();
    b.onModuleDestroy();
  });

  it('returns the metric already registered under a name, and refuses it as another kind', () => {
    const m = new MetricsService();
    expect(m.counter({ name: 'x_total', help: 'x' })).toBe(m.counter({ name: 'x_total', help: 'x' }));
    expect(() => m.gauge({ name: 'x_total', help: 'x' })).toThrow(/another kind/);
    m.onModuleDestroy();
  });

  it('reads a gauge with collect() at scrape time', async () => {
    const m = new MetricsService();
    let held = 3;
    m.gauge({
      name: 'reservations_held',
      help: 'units held',
      collect() {
        this.set(held);
      },
    });
    expect((await m.scrape()).body).toContain('reservations_held 3');
    held = 5;
    const { body, contentType } = await m.scrape();
    expect(body).toContain('reservations_held 5');
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    m.onModuleDestroy();
  });
});

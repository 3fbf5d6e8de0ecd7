import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type AuditResult, serverAudits } from 'graphql-http';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The GraphQL-over-HTTP spec's server audits (graphql-http) against the real server on a random port.
 * Every MUST has to pass; SHOULD and MAY results are printed, not asserted (Apollo answers parse and
 * validation failures with 400 even for application/json, which the spec's watershed rules frown on).
 */
describe('GraphQL over HTTP (graphql-http audits)', () => {
  let t: TestApp;
  let url = '';
  const audits = serverAudits({ url: () => url, fetchFn: fetch });
  const results = new Map<string, AuditResult>();

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}/graphql`;
    for (const audit of audits) results.set(audit.id, await audit.fn());
    const lines = [...results.values()].map(
      (r) => `${r.status === 'ok' ? 'ok  ' : r.status.padEnd(4)} ${r.id} ${r.name}${r.status === 'ok' ? '' : ` — ${r.reason}`}`,
    );
    const count = (level: string, status?: string) =>
      [...results.values()].filter((r) => r.name.startsWith(level) && (!status || r.status === status)).length;
    console.log(
      `graphql-http audits: MUST ${count('MUST', 'ok')}/${count('MUST')} ok, SHOULD ${count('SHOULD', 'ok')}/${count('SHOULD')} ok, MAY ${count('MAY', 'ok')}/${count('MAY')} ok\n${lines.join('\n')}`,
    );
  });
  afterAll(() => t?.close());

  it.each(audits.filter((a) => a.name.startsWith('MUST')).map((a) => [a.id, a.name]))('%s %s', (id) => {
    const r = results.get(id)!;
    expect({ id, status: r.status, reason: r.status === 'ok' ? undefined : r.reason }).toEqual({ id, status: 'ok', reason: undefined });
  });

  it('ran every audit', () => {
    expect(results.size).toBe(audits.length);
    expect(audits.filter((a) => a.name.startsWith('MUST')).length).toBeGreaterThan(10);
  });
});

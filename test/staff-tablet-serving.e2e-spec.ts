import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from './support/test-app.js';

// `npm test` builds first, so dist/staff-tablet is there; a lone run of this file without a build skips the file checks.
const built = existsSync('dist/staff-tablet/index.html');

describe('staff tablet: served at /staff/ with its own Content-Security-Policy', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('lets the tablet load only from this origin and talk graphql-ws to this host, without upgrading to https', async () => {
    const res = await t.http().get('/staff/').set('host', 'shop.local:3000');
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("connect-src 'self' ws://shop.local:3000 wss://shop.local:3000");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(csp).not.toContain('unsafe-inline');
  });

  it('keeps helmet’s default policy everywhere else', async () => {
    const res = await t.http().get('/health');
    expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });

  (built ? it : it.skip)('serves index.html uncached and the hashed assets for a year', async () => {
    const page = await t.http().get('/staff/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['cache-control']).toBe('no-cache');
    const asset = /src="(\/staff\/assets\/[^"]+\.js)"/.exec(page.text)?.[1];
    expect(asset).toBeDefined();
    const js = await t.http().get(asset!);
    expect(js.status).toBe(200);
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });
});

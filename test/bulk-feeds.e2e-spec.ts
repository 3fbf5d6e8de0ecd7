import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { startApiProcess } from './support/api-process.js';
import { adjust, adminToken, createLocation, createProduct, createStaff } from './support/factories.js';
import { unbalancedLevels } from './support/shoppers.js';
import { type AnyJson, ADMIN, startTestApp, type TestApp } from './support/test-app.js';
import { testDatabaseUrl, usingRealPostgres } from './support/test-database.js';

const JOB = `query($id: ID!) { bulkJob(id: $id) { id status rowsRead rowsApplied rowsFailed errors { line message } message } }`;
const LEVEL = `query($locationId: ID!, $sku: String!) { stockLevel(locationId: $locationId, sku: $sku) { onHand reserved } }`;

async function until<T>(what: string, read: () => Promise<T>, done: (v: T) => boolean, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > end) throw new Error(`${what}: still ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('bulk stock feeds over HTTP', () => {
  let t: TestApp;
  let admin: string;
  let store: { id: string; code: string };

  beforeAll(async () => {
    t = await startTestApp({ BULK_BATCH_ROWS: '2' });
    admin = await adminToken(t);
    store = await createLocation(t, admin);
  });
  afterAll(() => t?.close());

  const post = (body: string, type = 'text/csv', token: string | null = admin) => {
    const r = t.http().post('/bulk/stock').set('content-type', type);
    if (token) r.set('authorization', `Bearer ${token}`);
    return r.send(body);
  };
  const job = async (id: string) => (await t.gql(JOB, { id }, { token: admin })).data.bulkJob;
  const finished = (id: string) =>
    until(
      'the feed',
      () => job(id),
      (j: AnyJson) => j.status === 'COMPLETED' || j.status === 'FAILED',
    );
  const onHand = async (sku: string) => (await t.gql(LEVEL, { locationId: store.id, sku }, { token: admin })).data.stockLevel.onHand;

  it('admins only, in CSV or NDJSON', async () => {
    const staff = (await createStaff(t, admin, 'MANAGER', store.id)).token;
    expect((await post('sku,location,onHand\n', 'text/csv', null)).status).toBe(401);
    expect((await post('sku,location,onHand\n', 'text/csv', staff)).status).toBe(403);
    expect((await post('<xml/>', 'application/xml')).status).toBe(415);
  });

  it('applies every good row, names each bad one by its line, and a feed sent twice changes nothing', async () => {
    const [a, b, c] = (await createProduct(t, admin, { sizes: ['S', 'M', 'L'] })).variants;
    await adjust(t, admin, store.id, a.sku, 2);
    const csv = [
      'sku,location,onHand',
      `${a.sku},${store.code},6`,
      `${b.sku},${store.code.toLowerCase()},4`,
      '',
      `NO-SUCH-SKU,${store.code},1`,
      `${c.sku},NOWHERE,3`,
      `${c.sku},${store.code},-2`,
      `${c.sku},${store.code},5`,
    ].join('\n');
    const res = await post(csv);
    expect(res.status).toBe(202);
    const done = await finished(res.body.jobId);
    expect([done.status, done.rowsRead, done.rowsApplied, done.rowsFailed]).toEqual(['COMPLETED', 6, 3, 3]);
    expect(done.errors.map((e: AnyJson) => e.line)).toEqual([5, 6, 7]);
    expect(done.errors[0].message).toContain('NO-SUCH-SKU');
    expect([await onHand(a.sku), await onHand(b.sku), await onHand(c.sku)]).toEqual([6, 4, 5]);
    const [{ n: moves }] = await t.db.query(`SELECT count(*)::int AS n FROM stock_movement WHERE type = 'SET' AND location_id = $1`, [
      store.id,
    ]);
    const again = await finished((await post(csv)).body.jobId);
    expect([again.status, again.rowsApplied]).toEqual(['COMPLETED', 0]);
    expect(again.message).toContain(res.body.jobId);
    expect(
      (await t.db.query(`SELECT count(*)::int AS n FROM stock_movement WHERE type = 'SET' AND location_id = $1`, [store.id]))[0].n,
    ).toBe(moves);
    const nd = await finished(
      (await post(`{"sku":"${a.sku}","location":"${store.code}","onHand":9}\nnot json\n`, 'application/x-ndjson')).body.jobId,
    );
    expect([nd.rowsRead, nd.rowsApplied, nd.errors]).toEqual([2, 1, [{ line: 2, message: 'not a JSON object' }]]);
    expect(await onHand(a.sku)).toBe(9);
    const bad = await finished((await post('code,qty\nX,1\n')).body.jobId);
    expect([bad.status, bad.message]).toEqual(['FAILED', expect.stringContaining('header')]);
    expect(await unbalancedLevels(t)).toBe(0);
  });

  it('exports stock and orders, streamed as NDJSON or CSV, to admins only', async () => {
    const [v] = (await createProduct(t, admin, { sizes: ['XS'] })).variants;
    await adjust(t, admin, store.id, v.sku, 7);
    const from = new Date(Date.now() - 60_000).toISOString();
    const sale = await t.gql(
      `mutation($i: PosSaleInput!) { posSaleRecord(input: $i) { order { number } userErrors { code } } }`,
      {
        i: {
          locationId: store.id,
          ticketNumber: `EXP-${Date.now()}`,
          soldAt: new Date().toISOString(),
          lines: [{ sku: v.sku, quantity: 2, unitPrice: { amount: 1234, currency: 'EUR' } }],
        },
      },
      { token: admin },
    );
    const number = sale.data.posSaleRecord.order.number as string;
    const to = new Date(Date.now() + 60_000).toISOString();
    const get = (path: string, token: string | null = admin) => {
      const r = t.http().get(path);
      if (token) r.set('authorization', `Bearer ${token}`);
      return r;
    };
    const stock = await get(`/bulk/stock?location=${store.code.toLowerCase()}`);
    expect([stock.status, stock.headers['content-type']]).toEqual([200, 'application/x-ndjson']);
    const line = stock.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .find((l) => l.sku === v.sku);
    expect(line).toMatchObject({ sku: v.sku, location: store.code, onHand: 5, available: 5 });
    const csv = await get(`/bulk/stock?location=${store.code}&format=csv`);
    expect(csv.text.split('\n')[0]).toBe('sku,location,onHand,reserved,unsellable,safetyStock,incoming,available');
    expect(csv.text).toContain(`${v.sku},${store.code},5,0,0,0,0,5`);
    const orders = await get(`/bulk/orders?from=${from}&to=${to}`);
    const exported = orders.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(exported.find((o) => o.number === number)).toMatchObject({
      channel: 'STORE',
      status: 'COMPLETED',
      total: 2468,
      lines: [{ sku: v.sku, quantity: 2, unitPrice: 1234 }],
    });
    const rows = (await get(`/bulk/orders?from=${from}&to=${to}`).set('accept', 'text/csv')).text.split('\n');
    expect(rows[0]).toBe(
      'number,createdAt,channel,status,currency,total,customerId,locationId,sku,quantity,unitPrice,fulfillmentType,fulfillmentStatus',
    );
    expect(rows.some((r) => r.startsWith(`${number},`) && r.includes(`,${v.sku},2,1234,PICKUP,COLLECTED`))).toBe(true);
    const manager = (await createStaff(t, admin, 'MANAGER', store.id)).token;
    expect((await get(`/bulk/orders?from=${from}&to=${to}`, manager)).status).toBe(403);
    expect((await get(`/bulk/orders?from=${from}&to=${to}`, null)).status).toBe(401);
    expect((await get(`/bulk/orders?from=${to}&to=${from}`)).status).toBe(400);
    expect((await get(`/bulk/stock?location=NOWHERE`)).status).toBe(404);
  });
});

/** Kills an API process in the middle of a feed (SIGKILL: no shutdown) and starts another: the job goes on from its last applied batch. */
(usingRealPostgres() && process.env.REDIS_URL ? describe : describe.skip)(
  'a feed interrupted by killing the process (needs DATABASE_URL and REDIS_URL)',
  () => {
    let db: pg.Client;
    let url: string;
    beforeAll(async () => {
      url = (await testDatabaseUrl())!;
      db = new pg.Client({ connectionString: url });
      await db.connect();
    });
    afterAll(() => db?.end());

    it('resumes after the last applied line: every row applied once, the ledger whole', async () => {
      const env = { BULK_BATCH_ROWS: '20', BULK_SPOOL_DIR: `/tmp/bulk-test-${process.pid}` };
      let api = await startApiProcess(url, env);
      const login = `mutation($input: StaffLoginInput!) { staffLogin(input: $input) { token } }`;
      const admin = (await api.gql(login, { input: ADMIN })).data.staffLogin.token as string;
      const code = `FEED${process.pid}`;
      const loc = await api.gql(
        `mutation($input: LocationCreateInput!) { locationCreate(input: $input) { location { id code } } }`,
        {
          input: {
            code,
            name: 'Feed store',
            type: 'STORE',
            geo: { lat: 48.85, lng: 2.35 },
            address: { line1: '1 rue', city: 'Paris', postalCode: '75001', country: 'FR' },
            pickupHold: 'PT48H',
          },
        },
        { token: admin },
      );
      const locationId = loc.data.locationCreate.location.id as string;
      const skus = Array.from({ length: 40 }, (_, i) => `FEED-${process.pid}-${i}`);
      await api.gql(
        `mutation($input: ProductCreateInput!) { productCreate(input: $input) { product { id } } }`,
        {
          input: {
            slug: `feed-${process.pid}`,
            name: 'Feed',
            category: 'socks',
            brand: 'T',
            variants: skus.map((sku, i) => ({ sku, size: String(i), colour: 'grey', price: { amount: 100, currency: 'EUR' } })),
          },
        },
        { token: admin },
      );
      // 20,000 rows over 40 levels: the last row of each level says 1000 + its index.
      const rows = ['sku,location,onHand'];
      for (let r = 0; r < 20_000; r++) rows.push(`${skus[r % 40]},${code},${r >= 19_960 ? 1000 + (r % 40) : r % 97}`);
      const res = await fetch(`${api.url}/bulk/stock`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', authorization: `Bearer ${admin}` },
        body: rows.join('\n'),
      });
      const { jobId } = (await res.json()) as { jobId: string };
      const progress = async () => (await db.query(`SELECT status, rows_read, checkpoint FROM bulk_job WHERE id = $1`, [jobId])).rows[0];
      const mid = await until('some batches applied', progress, (p: AnyJson) => p.rows_read >= 200, 60_000);
      expect(mid.status).toBe('RUNNING');
      await api.stop('SIGKILL');
      const at = (await progress()).checkpoint as number;
      expect(at).toBeLessThan(20_001);
      await db.query(`UPDATE bulk_job SET lease_until = now() - interval '1 second' WHERE id = $1`, [jobId]); // the dead process's lease, lapsed
      api = await startApiProcess(url, env);
      try {
        const done = await until('the resumed feed', progress, (p: AnyJson) => p.status === 'COMPLETED', 120_000);
        expect(done.checkpoint).toBe(20_001);
        const job = (await db.query(`SELECT rows_read, rows_applied, rows_failed FROM bulk_job WHERE id = $1`, [jobId])).rows[0];
        expect(job).toEqual({ rows_read: 20_000, rows_applied: 20_000, rows_failed: 0 });
        const levels = (
          await db.query(
            `SELECT sl.on_hand, (SELECT sum(on_hand_delta) FROM stock_movement m WHERE m.location_id = sl.location_id AND m.variant_id = sl.variant_id)::int AS ledger
           FROM stock_level sl WHERE sl.location_id = $1`,
            [locationId],
          )
        ).rows;
        expect(levels).toHaveLength(40);
        expect(levels.every((l: AnyJson) => l.on_hand >= 1000 && l.on_hand === l.ledger)).toBe(true);
      } finally {
        await api.stop();
      }
    }, 240_000);
  },
);

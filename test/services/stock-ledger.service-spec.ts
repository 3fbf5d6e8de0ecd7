import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BusinessError, ErrorCode, TransactionHost } from '@app/common';
import { InventoryModule, StockLedger, StockMovementType } from '@app/inventory';
import { Fixtures, type Services, startServices } from '../support/service-module.js';

/** The stock ledger, called directly: every change guarded in one statement and recorded as a movement. */
describe('StockLedger (service tier)', () => {
  let s: Services;
  let ledger: StockLedger;
  let tx: TransactionHost;
  let fx: Fixtures;
  let store: string;

  beforeAll(async () => {
    s = await startServices([InventoryModule]);
    ledger = s.get(StockLedger);
    tx = s.get(TransactionHost);
    fx = new Fixtures(s.db);
    store = await fx.location();
  });
  afterAll(() => s?.close());

  const adjustment = { type: StockMovementType.ADJUSTMENT, reason: 'count' };
  const reservation = (reference: string) => ({ type: StockMovementType.RESERVATION, reference });

  it('a receipt creates the level and records its movement', async () => {
    const v = await fx.variant();
    expect(await ledger.adjustOnHand(store, v.id, 5, adjustment)).toMatchObject({ onHand: 5, reserved: 0, available: 5 });
    expect(await ledger.adjustOnHand(store, v.id, 2, adjustment)).toMatchObject({ onHand: 7, reserved: 0, available: 7 });
    expect(await fx.level(store, v.id)).toEqual({ onHand: 7, reserved: 0 });
    expect(await fx.movements(v.id)).toEqual([
      { type: 'ADJUSTMENT', onHand: 5, reserved: 0, reference: null },
      { type: 'ADJUSTMENT', onHand: 2, reserved: 0, reference: null },
    ]);
  });

  it('reserve holds units and release gives them back, each with its movement', async () => {
    const v = await fx.variant();
    await ledger.adjustOnHand(store, v.id, 3, adjustment);
    await tx.run(() => ledger.reserve(store, v.id, 2, reservation('O-1')));
    expect(await fx.level(store, v.id)).toEqual({ onHand: 3, reserved: 2 });
    await tx.run(() => ledger.release(store, v.id, 1, { type: StockMovementType.RELEASE, reference: 'O-1' }));
    expect(await fx.level(store, v.id)).toEqual({ onHand: 3, reserved: 1 });
    await tx.run(() => ledger.consume(store, v.id, 1, { type: StockMovementType.SHIPMENT, reference: 'O-1' }));
    expect(await fx.level(store, v.id)).toEqual({ onHand: 2, reserved: 0 });
    expect((await fx.movements(v.id)).map((m) => [m.type, m.onHand, m.reserved, m.reference])).toEqual([
      ['ADJUSTMENT', 3, 0, null],
      ['RESERVATION', 0, 2, 'O-1'],
      ['RELEASE', 0, -1, 'O-1'],
      ['SHIPMENT', -1, -1, 'O-1'],
    ]);
  });

  it('refuses to go below zero or below what is reserved, and then records nothing', async () => {
    const v = await fx.variant();
    await ledger.adjustOnHand(store, v.id, 2, adjustment);
    await tx.run(() => ledger.reserve(store, v.id, 1, reservation('O-2')));
    const refusal = await ledger.adjustOnHand(store, v.id, -2, adjustment).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(BusinessError);
    expect((refusal as BusinessError).code).toBe(ErrorCode.INSUFFICIENT_STOCK);
    expect(await tx.run(() => ledger.reserve(store, v.id, 2, reservation('O-3')))).toBe(false);
    expect(await fx.level(store, v.id)).toEqual({ onHand: 2, reserved: 1 });
    expect(await fx.movements(v.id)).toHaveLength(2);
    // Taking away a level that was never received is refused too.
    const none = await fx.variant();
    await expect(ledger.adjustOnHand(store, none.id, -1, adjustment)).rejects.toBeInstanceOf(BusinessError);
    expect(await fx.movements(none.id)).toEqual([]);
  });

  it('concurrent reservations on the last unit: exactly one wins', async () => {
    const v = await fx.variant();
    await ledger.adjustOnHand(store, v.id, 1, adjustment);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => tx.run(() => ledger.reserve(store, v.id, 1, reservation(`RACE-${i}`)))),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await fx.level(store, v.id)).toEqual({ onHand: 1, reserved: 1 });
    expect((await fx.movements(v.id)).filter((m) => m.type === 'RESERVATION')).toHaveLength(1);
  });

  it('the variant totals follow the levels at commit', async () => {
    const v = await fx.variant();
    const other = await fx.location('WAREHOUSE');
    await ledger.adjustOnHand(store, v.id, 4, adjustment);
    await ledger.adjustOnHand(other, v.id, 6, adjustment);
    await tx.run(() => ledger.reserve(other, v.id, 5, reservation('O-4')));
    const [totals] = await s.db.query(`SELECT on_hand AS "onHand", reserved FROM variant_stock WHERE variant_id = $1`, [v.id]);
    expect(totals).toEqual({ onHand: 10, reserved: 5 });
  });
});

/** TransactionHost: one transaction per unit of work, found through AsyncLocalStorage. */
describe('TransactionHost (service tier)', () => {
  let s: Services;
  let tx: TransactionHost;
  let ledger: StockLedger;
  let fx: Fixtures;
  let store: string;

  beforeAll(async () => {
    s = await startServices([InventoryModule]);
    tx = s.get(TransactionHost);
    ledger = s.get(StockLedger);
    fx = new Fixtures(s.db);
    store = await fx.location();
  });
  afterAll(() => s?.close());

  const currentTxid = async (): Promise<number> => (await tx.manager.query(`SELECT txid_current() AS x`))[0].x;

  it('a nested run joins the open transaction (same manager, same transaction id)', async () => {
    expect(tx.inTransaction).toBe(false);
    await tx.run(async (outer) => {
      expect(tx.inTransaction).toBe(true);
      const x = await currentTxid();
      await tx.run(async (inner) => {
        expect(inner).toBe(outer);
        expect(tx.manager).toBe(outer);
        expect(await currentTxid()).toBe(x);
      });
    });
    expect(tx.inTransaction).toBe(false);
  });

  it('a throw rolls back everything done in the unit, nested work included', async () => {
    const v = await fx.variant();
    await ledger.adjustOnHand(store, v.id, 3, { type: StockMovementType.ADJUSTMENT });
    const boom = new Error('boom');
    await expect(
      tx.run(async () => {
        await ledger.adjustOnHand(store, v.id, 5, { type: StockMovementType.ADJUSTMENT });
        await tx.run(() => ledger.reserve(store, v.id, 2, { type: StockMovementType.RESERVATION }));
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(await fx.level(store, v.id)).toEqual({ onHand: 3, reserved: 0 });
    expect(await fx.movements(v.id)).toHaveLength(1);
  });

  it('after-commit hooks run once the unit commits, in order, never after a rollback; outside a unit at once', async () => {
    const ran: string[] = [];
    await tx.run(async () => {
      tx.afterCommit(() => ran.push('a'));
      await tx.run(async () => tx.afterCommit(() => ran.push('nested')));
      expect(ran).toEqual([]); // not before the commit
    });
    expect(ran).toEqual(['a', 'nested']);
    await tx
      .run(async () => {
        tx.afterCommit(() => ran.push('rolled back'));
        throw new Error('no');
      })
      .catch(() => undefined);
    expect(ran).toEqual(['a', 'nested']);
    tx.afterCommit(() => ran.push('outside'));
    expect(ran).toEqual(['a', 'nested', 'outside']);
  });

  it('a failing after-commit hook neither fails the unit nor stops the next hook', async () => {
    const ran: string[] = [];
    const value = await tx.run(async () => {
      tx.afterCommit(() => {
        throw new Error('hook');
      });
      tx.afterCommit(() => Promise.reject(new Error('async hook')));
      tx.afterCommit(() => ran.push('next'));
      return 42;
    });
    expect(value).toBe(42);
    expect(ran).toEqual(['next']);
  });

  it('before-commit batches run once per key with every item, inside the transaction', async () => {
    const batches: string[][] = [];
    await tx.run(async () => {
      for (const item of ['b', 'a', 'c'])
        tx.beforeCommit('k', item, async (items) => void batches.push([...items, String(tx.inTransaction)]));
      expect(batches).toEqual([]);
    });
    expect(batches).toEqual([['b', 'a', 'c', 'true']]);
    tx.beforeCommit('k', 'x', async () => void batches.push(['outside']));
    expect(batches).toHaveLength(1); // outside a transaction: nothing
  });

  it('retries the whole unit on a serialization failure', async () => {
    let attempts = 0;
    const value = await tx.run(async () => {
      attempts++;
      if (attempts < 3) throw Object.assign(new Error('could not serialize access'), { code: '40001' });
      return 'done';
    });
    expect(value).toBe('done');
    expect(attempts).toBe(3);
  });
});

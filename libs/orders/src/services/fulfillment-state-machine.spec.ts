import { describe, expect, it } from '@jest/globals';
import { FulfillmentType } from '@app/common';
import { FulfillmentStatus as S, OrderStatus } from '../order-enums.js';
import { actingLocation, FulfillmentAction as A, nextStatus, orderStatusOf } from './fulfillment-state-machine.js';

const LEGAL: [FulfillmentType, S, A, S][] = [
  [FulfillmentType.PICKUP, S.ALLOCATED, A.MARK_READY, S.READY_FOR_PICKUP],
  [FulfillmentType.PICKUP, S.READY_FOR_PICKUP, A.COLLECT, S.COLLECTED],
  [FulfillmentType.PICKUP, S.READY_FOR_PICKUP, A.EXPIRE, S.EXPIRED],
  [FulfillmentType.PICKUP, S.ALLOCATED, A.CANCEL, S.CANCELLED],
  [FulfillmentType.PICKUP, S.READY_FOR_PICKUP, A.CANCEL, S.CANCELLED],
  [FulfillmentType.SHIP_TO_STORE, S.ALLOCATED, A.SHIP, S.IN_TRANSIT],
  [FulfillmentType.SHIP_TO_STORE, S.IN_TRANSIT, A.RECEIVE, S.READY_FOR_PICKUP],
  [FulfillmentType.SHIP_TO_STORE, S.READY_FOR_PICKUP, A.COLLECT, S.COLLECTED],
  [FulfillmentType.SHIP_TO_STORE, S.READY_FOR_PICKUP, A.EXPIRE, S.EXPIRED],
  [FulfillmentType.SHIP_TO_STORE, S.ALLOCATED, A.CANCEL, S.CANCELLED],
  [FulfillmentType.SHIP_TO_STORE, S.READY_FOR_PICKUP, A.CANCEL, S.CANCELLED],
  [FulfillmentType.DELIVERY, S.ALLOCATED, A.SHIP, S.SHIPPED],
  [FulfillmentType.DELIVERY, S.SHIPPED, A.MARK_DELIVERED, S.DELIVERED],
  [FulfillmentType.DELIVERY, S.ALLOCATED, A.CANCEL, S.CANCELLED],
];

describe('fulfilment state machine', () => {
  it.each(LEGAL)('%s: %s --%s--> %s', (type, from, action, to) => expect(nextStatus(type, from, action)).toBe(to));

  it('refuses every other move', () => {
    const legal = new Set(LEGAL.map(([t, f, a]) => `${t}/${f}/${a}`));
    let refused = 0;
    for (const type of Object.values(FulfillmentType)) {
      for (const from of Object.values(S)) {
        for (const action of Object.values(A)) {
          if (legal.has(`${type}/${from}/${action}`)) continue;
          expect([type, from, action, nextStatus(type, from, action)]).toEqual([type, from, action, null]);
          refused++;
        }
      }
    }
    expect(refused).toBe(3 * 8 * 7 - LEGAL.length);
  });

  it('the pickup store prepares, receives and hands over; the source ships', () => {
    const f = { type: FulfillmentType.SHIP_TO_STORE, sourceLocationId: 'W', pickupLocationId: 'A' };
    expect([A.SHIP, A.RECEIVE, A.COLLECT, A.MARK_READY].map((a) => actingLocation(f, a))).toEqual(['W', 'A', 'A', 'A']);
    expect(actingLocation({ type: FulfillmentType.DELIVERY, sourceLocationId: 'W', pickupLocationId: null }, A.MARK_DELIVERED)).toBe('W');
  });
});

describe('order status', () => {
  it('follows its fulfilments', () => {
    expect(orderStatusOf([S.ALLOCATED, S.COLLECTED])).toBe(OrderStatus.PLACED);
    expect(orderStatusOf([S.COLLECTED, S.DELIVERED])).toBe(OrderStatus.COMPLETED);
    expect(orderStatusOf([S.COLLECTED, S.EXPIRED])).toBe(OrderStatus.COMPLETED);
    expect(orderStatusOf([S.CANCELLED, S.EXPIRED])).toBe(OrderStatus.CANCELLED);
    expect(orderStatusOf([S.IN_TRANSIT])).toBe(OrderStatus.PLACED);
  });
});

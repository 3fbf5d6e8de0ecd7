import { FulfillmentType } from '@app/common';
import { FulfillmentStatus as S, OrderStatus } from '../order-enums.js';

/** What can happen to a fulfilment. */
export enum FulfillmentAction {
  MARK_READY = 'MARK_READY',
  SHIP = 'SHIP',
  RECEIVE = 'RECEIVE',
  COLLECT = 'COLLECT',
  MARK_DELIVERED = 'MARK_DELIVERED',
  EXPIRE = 'EXPIRE',
  CANCEL = 'CANCEL',
}

type Moves = Partial<Record<FulfillmentAction, Partial<Record<S, S>>>>;
const A = FulfillmentAction;

/**
 * Every legal move, in one place. PICKUP: ALLOCATED → READY_FOR_PICKUP → COLLECTED | EXPIRED.
 * SHIP_TO_STORE: ALLOCATED → IN_TRANSIT → READY_FOR_PICKUP → COLLECTED | EXPIRED.
 * DELIVERY: ALLOCATED → SHIPPED → DELIVERED. CANCELLED from any state before the goods leave the building
 * they are held in. Anything else is INVALID_STATE.
 */
const MOVES: Record<FulfillmentType, Moves> = {
  [FulfillmentType.PICKUP]: {
    [A.MARK_READY]: { [S.ALLOCATED]: S.READY_FOR_PICKUP },
    [A.COLLECT]: { [S.READY_FOR_PICKUP]: S.COLLECTED },
    [A.EXPIRE]: { [S.READY_FOR_PICKUP]: S.EXPIRED },
    [A.CANCEL]: { [S.ALLOCATED]: S.CANCELLED, [S.READY_FOR_PICKUP]: S.CANCELLED },
  },
  [FulfillmentType.SHIP_TO_STORE]: {
    [A.SHIP]: { [S.ALLOCATED]: S.IN_TRANSIT },
    [A.RECEIVE]: { [S.IN_TRANSIT]: S.READY_FOR_PICKUP },
    [A.COLLECT]: { [S.READY_FOR_PICKUP]: S.COLLECTED },
    [A.EXPIRE]: { [S.READY_FOR_PICKUP]: S.EXPIRED },
    [A.CANCEL]: { [S.ALLOCATED]: S.CANCELLED, [S.READY_FOR_PICKUP]: S.CANCELLED },
  },
  [FulfillmentType.DELIVERY]: {
    [A.SHIP]: { [S.ALLOCATED]: S.SHIPPED },
    [A.MARK_DELIVERED]: { [S.SHIPPED]: S.DELIVERED },
    [A.CANCEL]: { [S.ALLOCATED]: S.CANCELLED },
  },
};

/** The status after `action`, or null when the move is illegal. */
export function nextStatus(type: FulfillmentType, status: S, action: FulfillmentAction): S | null {
  return MOVES[type]?.[action]?.[status] ?? null;
}

/** Which location's staff may take the action: the pickup store receives, prepares and hands over; the source ships. */
export function actingLocation(
  f: { type: FulfillmentType; sourceLocationId: string; pickupLocationId: string | null },
  action: FulfillmentAction,
): string {
  const atPickup = action === A.MARK_READY || action === A.RECEIVE || action === A.COLLECT;
  return atPickup && f.pickupLocationId ? f.pickupLocationId : f.sourceLocationId;
}

const DONE = new Set<S>([S.COLLECTED, S.DELIVERED, S.EXPIRED, S.CANCELLED]);
const NOTHING_SOLD = new Set<S>([S.EXPIRED, S.CANCELLED]);

/** An order is COMPLETED when every fulfilment is done and something was handed over; CANCELLED when nothing was. */
export function orderStatusOf(statuses: S[]): OrderStatus {
  if (!statuses.length || !statuses.every((s) => DONE.has(s))) return OrderStatus.PLACED;
  return statuses.every((s) => NOTHING_SOLD.has(s)) ? OrderStatus.CANCELLED : OrderStatus.COMPLETED;
}

// The pickup queue as the shop floor sees it: what to prepare (or receive), what waits for its customer,
// what is about to expire (call the customer) and what is locked (a manager is needed). Pure, so tested alone.

export interface QueueItem {
  id: string;
  status: string;
  pickupLocked: boolean;
  expiresAt?: string | null;
  readyBy?: string | null;
  createdAt: string;
}

export type QueueGroup = 'toPrepare' | 'ready' | 'expiringSoon' | 'locked';
export const QUEUE_GROUPS: QueueGroup[] = ['toPrepare', 'ready', 'expiringSoon', 'locked'];

/** A ready pickup whose hold ends within this long is "expiring soon". */
export const EXPIRING_SOON_MS = 4 * 60 * 60 * 1000;

/** The statuses a store still has work for; anything else leaves the queue (collected, expired, cancelled…). */
const IN_QUEUE = new Set(['ALLOCATED', 'IN_TRANSIT', 'READY_FOR_PICKUP']);

export function groupOf(item: QueueItem, now: number): QueueGroup | null {
  if (!IN_QUEUE.has(item.status)) return null;
  if (item.pickupLocked) return 'locked';
  if (item.status !== 'READY_FOR_PICKUP') return 'toPrepare';
  const expires = item.expiresAt ? Date.parse(item.expiresAt) : Infinity;
  return expires - now <= EXPIRING_SOON_MS ? 'expiringSoon' : 'ready';
}

/** Each group's items, soonest due first (the promised readyBy to prepare, the hold's end when ready). */
export function groupQueue<T extends QueueItem>(items: T[], now: number): Record<QueueGroup, T[]> {
  const groups: Record<QueueGroup, T[]> = { toPrepare: [], ready: [], expiringSoon: [], locked: [] };
  for (const item of items) {
    const group = groupOf(item, now);
    if (group) groups[group].push(item);
  }
  const due = (i: QueueItem) => Date.parse((i.status === 'READY_FOR_PICKUP' ? i.expiresAt : i.readyBy) ?? i.createdAt);
  for (const g of QUEUE_GROUPS) groups[g].sort((a, b) => due(a) - due(b));
  return groups;
}

/** The queue after a live event: the fulfilment replaced (or added) by id; one that left the queue removed. */
export function mergeQueueEvent<T extends QueueItem>(items: T[], event: T): T[] {
  const rest = items.filter((i) => i.id !== event.id);
  return IN_QUEUE.has(event.status) ? [...rest, event] : rest;
}

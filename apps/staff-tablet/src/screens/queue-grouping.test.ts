import { describe, expect, it } from 'vitest';
import { EXPIRING_SOON_MS, groupOf, groupQueue, mergeQueueEvent, type QueueItem } from './queue-grouping';

const now = Date.parse('2026-12-05T15:00:00Z');
const at = (ms: number) => new Date(now + ms).toISOString();
const item = (id: string, over: Partial<QueueItem> = {}): QueueItem => ({
  id,
  status: 'ALLOCATED',
  pickupLocked: false,
  createdAt: at(-3_600_000),
  ...over,
});

describe('groupOf', () => {
  it('puts pickups to prepare and transfers to receive under "to prepare"', () => {
    expect(groupOf(item('a'), now)).toBe('toPrepare');
    expect(groupOf(item('b', { status: 'IN_TRANSIT' }), now)).toBe('toPrepare');
  });
  it('splits ready pickups by how soon their hold ends', () => {
    expect(groupOf(item('a', { status: 'READY_FOR_PICKUP', expiresAt: at(EXPIRING_SOON_MS + 60_000) }), now)).toBe('ready');
    expect(groupOf(item('b', { status: 'READY_FOR_PICKUP', expiresAt: at(EXPIRING_SOON_MS - 60_000) }), now)).toBe('expiringSoon');
  });
  it('shows a locked pickup as locked whatever its hold', () => {
    expect(groupOf(item('a', { status: 'READY_FOR_PICKUP', pickupLocked: true, expiresAt: at(60_000) }), now)).toBe('locked');
  });
  it('leaves out what has left the queue', () => {
    for (const status of ['COLLECTED', 'EXPIRED', 'CANCELLED']) expect(groupOf(item('a', { status }), now)).toBeNull();
  });
});

describe('groupQueue', () => {
  it('sorts each group soonest due first: the promise to prepare, the hold when ready', () => {
    const groups = groupQueue(
      [
        item('late', { readyBy: at(7_200_000) }),
        item('soon', { readyBy: at(600_000) }),
        item('r2', { status: 'READY_FOR_PICKUP', expiresAt: at(EXPIRING_SOON_MS * 3) }),
        item('r1', { status: 'READY_FOR_PICKUP', expiresAt: at(EXPIRING_SOON_MS * 2) }),
      ],
      now,
    );
    expect(groups.toPrepare.map((i) => i.id)).toEqual(['soon', 'late']);
    expect(groups.ready.map((i) => i.id)).toEqual(['r1', 'r2']);
    expect(groups.expiringSoon).toEqual([]);
    expect(groups.locked).toEqual([]);
  });
});

describe('mergeQueueEvent', () => {
  it('adds a new pickup, replaces a changed one, removes one that left', () => {
    const queue = [item('a'), item('b')];
    expect(mergeQueueEvent(queue, item('c')).map((i) => i.id)).toEqual(['a', 'b', 'c']);
    const ready = mergeQueueEvent(queue, item('a', { status: 'READY_FOR_PICKUP' }));
    expect(ready.find((i) => i.id === 'a')?.status).toBe('READY_FOR_PICKUP');
    expect(ready).toHaveLength(2);
    expect(mergeQueueEvent(queue, item('b', { status: 'COLLECTED' })).map((i) => i.id)).toEqual(['a']);
  });
});

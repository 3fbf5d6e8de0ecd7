import { describe, expect, it, jest } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { TransactionHost } from '../database/transaction-host.js';
import { InMemoryRedisService } from '../redis/in-memory-redis.service.js';
import { EventBus } from './event-bus.js';

describe('EventBus.on', () => {
  // Outside a transaction, afterCommit runs at once: the same moment as a commit.
  const bus = () => new EventBus(new InMemoryRedisService(), new TransactionHost({} as DataSource));

  it("tells this process's handlers at commit, before publish returns, and again through Redis", async () => {
    const events = bus();
    const heard: unknown[] = [];
    const stop = await events.on('catalogue-changed', (e) => heard.push(e));
    events.publish('catalogue-changed', { productId: '1' });
    expect(heard).toEqual([{ productId: '1' }]); // synchronously: an answer sent after the commit cannot precede it
    await new Promise((r) => setImmediate(r));
    expect(heard).toEqual([{ productId: '1' }, { productId: '1' }]);
    await stop();
    events.publish('catalogue-changed', { productId: '2' });
    await new Promise((r) => setImmediate(r));
    expect(heard).toHaveLength(2);
  });

  it('a handler that throws does not keep the others from hearing', async () => {
    const events = bus();
    const heard: unknown[] = [];
    await events.on('catalogue-changed', () => {
      throw new Error('broken');
    });
    await events.on('catalogue-changed', (e) => heard.push(e));
    events.publish('catalogue-changed', { productId: '1' });
    expect(heard).toEqual([{ productId: '1' }]);
  });

  it("while Redis cannot be reached, hears this process's events, and retries until it hears the others'", async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
    try {
      const redis = new InMemoryRedisService();
      const subscribe = redis.subscribe.bind(redis);
      let failures = 2;
      redis.subscribe = (channel, handler) =>
        failures-- > 0 ? Promise.reject(new Error('redis unavailable')) : subscribe(channel, handler);
      const events = new EventBus(redis, new TransactionHost({} as DataSource));
      const heard: unknown[] = [];
      let subscribed = 0;
      await events.on(
        'catalogue-changed',
        (e) => heard.push(e),
        () => subscribed++,
      );
      events.publish('catalogue-changed', { productId: '1' });
      expect(heard).toEqual([{ productId: '1' }]);
      await redis.publish('events:catalogue-changed', JSON.stringify({ productId: '2' })); // another process's: not heard yet
      await new Promise((r) => setImmediate(r));
      expect(heard).toEqual([{ productId: '1' }]); // only this process's own, at commit
      expect(subscribed).toBe(0);
      await jest.advanceTimersByTimeAsync(2000);
      expect(subscribed).toBe(0); // the second attempt failed too
      await jest.advanceTimersByTimeAsync(2000);
      expect(subscribed).toBe(1);
      await redis.publish('events:catalogue-changed', JSON.stringify({ productId: '3' }));
      await new Promise((r) => setImmediate(r));
      expect(heard.at(-1)).toEqual({ productId: '3' });
    } finally {
      jest.useRealTimers();
    }
  });
});

import { describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { TransactionHost } from '../database/transaction-host.js';
import { InMemoryRedisService } from '../redis/in-memory-redis.service.js';
import { EventBus } from './event-bus.js';

describe('EventBus.on', () => {
  // Outside a transaction, afterCommit runs at once: the same moment as a commit.
  const bus = () => new EventBus(new InMemoryRedisService(), new TransactionHost({} as DataSource));

  it('tells this process\'s handlers at commit, before publish returns, and again through Redis', async () => {
    const events = bus();
    const heard: unknown[] = [];
    const stop = await events.on('c', (e) => heard.push(e));
    events.publish('c', { n: 1 });
    expect(heard).toEqual([{ n: 1 }]); // synchronously: an answer sent after the commit cannot precede it
    await new Promise((r) => setImmediate(r));
    expect(heard).toEqual([{ n: 1 }, { n: 1 }]);
    await stop();
    events.publish('c', { n: 2 });
    await new Promise((r) => setImmediate(r));
    expect(heard).toHaveLength(2);
  });

  it('a handler that throws does not keep the others from hearing', async () => {
    const events = bus();
    const heard: unknown[] = [];
    await events.on('c', () => {
      throw new Error('broken');
    });
    await events.on('c', (e) => heard.push(e));
    events.publish('c', { n: 1 });
    expect(heard).toEqual([{ n: 1 }]);
  });
});

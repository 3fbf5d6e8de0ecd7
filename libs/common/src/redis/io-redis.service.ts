import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RedisService } from './redis.service.js';

/** Redis through ioredis: one connection for commands, one for subscriptions (Redis requires it). */
export class IoRedisService extends RedisService {
  readonly kind = 'redis' as const;
  private readonly logger = new Logger(IoRedisService.name);
  private readonly commands: Redis;
  private subscriber?: Redis;
  private readonly handlers = new Map<string, Set<(message: string) => void>>();

  constructor(url: string, private readonly prefix: string) {
    super();
    this.commands = this.connect(url);
  }

  private connect(url: string): Redis {
    const client = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: true });
    client.on('error', (err) => this.logger.warn(`redis: ${err.message}`));
    return client;
  }

  async ping(): Promise<void> {
    await this.commands.ping();
  }

  async get(key: string): Promise<string | null> {
    return this.commands.get(this.prefix + key);
  }

  async set(key: string, value: string, ttlMs?: number): Promise<void> {
    if (ttlMs) await this.commands.set(this.prefix + key, value, 'PX', ttlMs);
    else await this.commands.set(this.prefix + key, value);
  }

  async del(...keys: string[]): Promise<void> {
    if (keys.length) await this.commands.del(...keys.map((k) => this.prefix + k));
  }

  async incr(key: string, windowMs: number): Promise<number> {
    const k = this.prefix + key;
    const [[, n]] = (await this.commands.multi().incr(k).pexpire(k, windowMs, 'NX').exec()) as [[unknown, number]];
    return n;
  }

  async hit(key: string, windowMs: number): Promise<{ count: number; msLeft: number }> {
    const k = this.prefix + key;
    const [[, count], , [, msLeft]] = (await this.commands.multi().incr(k).pexpire(k, windowMs, 'NX').pttl(k).exec()) as [[unknown, number], unknown, [unknown, number]];
    return { count, msLeft: Math.max(0, msLeft) };
  }

  async publish(channel: string, message: string): Promise<void> {
    await this.commands.publish(this.prefix + channel, message);
  }

  async subscribe(channel: string, handler: (message: string) => void): Promise<() => Promise<void>> {
    const name = this.prefix + channel;
    if (!this.subscriber) {
      this.subscriber = this.commands.duplicate();
      this.subscriber.on('error', (err) => this.logger.warn(`redis subscriber: ${err.message}`));
      this.subscriber.on('message', (ch: string, msg: string) => this.handlers.get(ch)?.forEach((h) => h(msg)));
    }
    let set = this.handlers.get(name);
    if (!set) {
      set = new Set();
      this.handlers.set(name, set);
      await this.subscriber.subscribe(name);
    }
    set.add(handler);
    return async () => {
      set.delete(handler);
      if (set.size === 0 && this.handlers.get(name) === set) {
        this.handlers.delete(name);
        await this.subscriber?.unsubscribe(name);
      }
    };
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.commands.quit(), this.subscriber?.quit()]);
  }
}

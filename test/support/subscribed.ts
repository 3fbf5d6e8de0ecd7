import { jest } from '@jest/globals';
import { EventBus } from '@app/common';

type Listen = EventBus['listen'];

export interface ServerSubscriptions {
  /**
   * Resolves once the server has subscribed `n` more GraphQL subscriptions (counted from this call) to
   * their events, so no event published after that is missed; rejects after `ms`. Call it before
   * `subscribe`, await it after: it replaces a fixed pause "for the server to subscribe".
   */
  after(n?: number, ms?: number): Promise<void>;
}

/** Watches the app's EventBus: every subscription's source comes from `EventBus.listen`, subscribed when it returns. */
export function serverSubscriptions(app: {
  get<T>(type: abstract new (...args: never[]) => T, opts?: { strict: boolean }): T;
}): ServerSubscriptions {
  const bus = app.get(EventBus, { strict: false });
  const listen: Listen = bus.listen.bind(bus);
  let subscribed = 0;
  const waiters = new Set<() => void>();
  jest.spyOn(bus, 'listen').mockImplementation((async (...args: Parameters<Listen>) => {
    const iterator = await listen(...args);
    subscribed++;
    waiters.forEach((w) => w());
    return iterator;
  }) as Listen);
  return {
    after(n = 1, ms = 10_000) {
      const target = subscribed + n;
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (subscribed < target) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`the server subscribed ${subscribed - target + n} of ${n} subscriptions within ${ms} ms`));
        }, ms);
        waiters.add(check);
        check();
      });
    },
  };
}

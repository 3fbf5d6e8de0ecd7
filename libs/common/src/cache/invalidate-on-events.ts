import type { EventBus } from '../events/event-bus.js';
import type { EventMap, EventName } from '../events/event-map.js';
import type { RedisService } from '../redis/redis.service.js';
import type { InvalidatingCache } from './invalidating-cache.js';

/** What an event invalidates: the name it returns (a key or a tag), or everything. */
export type Invalidations = { [N in EventName]?: ((event: EventMap[N]) => string) | 'all' };

/**
 * Subscribes `cache` to the events that invalidate it (ADR 0027), in this process at commit and in the
 * others through Redis (ADR 0010). The cache hears events once every
 * subscription is made (`hearing`); it is deaf (degraded mode) while the Redis subscription is lost, as
 * events sent meanwhile are lost. `dropped` is told the keys each invalidation dropped (to drop copies
 * kept elsewhere). Returns the unsubscribe.
 */
export async function invalidateOnEvents<V>(
  cache: InvalidatingCache<V>,
  events: EventBus,
  redis: RedisService,
  on: Invalidations,
  dropped: (keys: readonly string[]) => void = () => undefined,
): Promise<() => Promise<void>> {
  const names = Object.keys(on) as EventName[];
  let subscribed = 0;
  const heard = () => {
    if (++subscribed === names.length) dropped(cache.hearing());
  };
  const stops: Array<() => Promise<void> | void> = [];
  for (const name of names) {
    const what = on[name] as ((event: unknown) => string) | 'all';
    const handler = what === 'all' ? () => dropped(cache.invalidateAll()) : (e: unknown) => dropped(cache.invalidate(what(e)));
    stops.push(await events.on(name, handler, heard));
  }
  stops.push(redis.onSubscriptionsLost(() => dropped(cache.deaf())));
  stops.push(
    redis.onSubscriptionsRestored(() => {
      if (subscribed >= names.length) dropped(cache.hearing());
    }),
  );
  return async () => {
    await Promise.all(stops.splice(0).map((stop) => stop()));
  };
}

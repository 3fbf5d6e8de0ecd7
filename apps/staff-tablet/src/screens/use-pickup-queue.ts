// The store's queue kept live: the query once, then each pickupQueueChanged event merged in, so a new web
// order shows up without reloading. A reconnect after a drop re-reads the whole queue (events were missed).
import { useEffect, useState } from 'react';
import { useSubscription } from 'urql';
import { onRetry } from '../api/network-status';
import { useLiveQuery } from '../api/use-live-query';
import type { QueueFulfillmentFieldsFragment } from '../gql/graphql';
import { PickupQueueChanged, PickupQueueQuery } from './pickup-operations';
import { mergeQueueEvent } from './queue-grouping';

export type QueueFulfillment = QueueFulfillmentFieldsFragment;

export function usePickupQueue(locationId: string) {
  const query = useLiveQuery(PickupQueueQuery, { locationId });
  const [items, setItems] = useState<QueueFulfillment[]>([]);
  useEffect(() => {
    if (query.data) setItems(query.data.pickupQueue);
  }, [query.data]);
  // Counts the live events, for what else the screen must re-read when the queue moves (the pick list).
  const [events, setEvents] = useState(0);
  const [live] = useSubscription({ query: PickupQueueChanged, variables: { locationId } }, (_, event) => {
    setItems((current) => mergeQueueEvent(current, event.pickupQueueChanged));
    setEvents((n) => n + 1);
    return event;
  });
  useEffect(() => onRetry(() => query.refetch({ requestPolicy: 'network-only' })), [query]);
  return {
    items,
    events,
    code: query.code,
    loading: query.fetching && !query.data,
    live: !live.error,
    apply: (f: QueueFulfillment) => setItems((c) => mergeQueueEvent(c, f)),
  };
}

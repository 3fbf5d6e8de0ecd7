// One key per intended purchase: made when the form opens, reused by every retry of that purchase, replaced
// only after the API answered. A request lost mid-way and sent again is then the same order, never a second.
import { useCallback, useState } from 'react';

/** crypto.randomUUID exists only in secure contexts; a shop's tablet may reach the API over plain http on the LAN. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function useIdempotencyKey(): [key: string, renew: () => void] {
  const [key, setKey] = useState(newIdempotencyKey);
  const renew = useCallback(() => setKey(newIdempotencyKey()), []);
  return [key, renew];
}

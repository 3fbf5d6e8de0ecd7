// Whether the API answers, for the offline banner. Set from the browser's online/offline events and from
// each request's outcome (a fetch that fails is "offline" even when the Wi-Fi icon says otherwise).
// Screens register how to retry what they were doing; the banner's Retry button runs them all.
import { useSyncExternalStore } from 'react';

let offline = typeof navigator !== 'undefined' ? !navigator.onLine : false;
const listeners = new Set<() => void>();
const retries = new Set<() => void>();

export function setOffline(value: boolean): void {
  if (value === offline) return;
  offline = value;
  listeners.forEach((l) => l());
}

export function useOffline(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => offline,
  );
}

/** Registers a retry (re-run a query, replay a failed change); returns its removal. */
export function onRetry(retry: () => void): () => void {
  retries.add(retry);
  return () => retries.delete(retry);
}

export function retryAll(): void {
  retries.forEach((r) => r());
}

if (typeof window !== 'undefined') {
  window.addEventListener('online', () => {
    setOffline(false);
    retryAll();
  });
  window.addEventListener('offline', () => setOffline(true));
}

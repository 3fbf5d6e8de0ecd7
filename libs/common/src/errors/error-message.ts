/**
 * The message of a caught value, for a log line. A `catch` clause's variable is `unknown` (anything can be
 * thrown), so this reads an Error's message and writes anything else as text instead of casting.
 */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

import type { StaffRole } from '../caller.js';

export type AccountKind = 'staff' | 'customer';

/** What a request may believe about an account: read afresh (or from a cache an event keeps right), never from a token's claims. */
export interface AccountState {
  /** Tokens carry the version they were issued at; any other version is refused. */
  version: number;
  active: boolean;
  role: StaffRole | null;
  locationId: string | null;
}

/**
 * What auth needs of an account table. The staff and customers libs own those tables and register a
 * store each (Sessions.register), so auth never reads them itself.
 */
export interface AccountStore {
  state(id: string): Promise<AccountState | null>;
  /** Checks `current`, sets `next` and moves the token version on; the new state, or null if `current` is wrong. */
  changePassword(id: string, current: string, next: string): Promise<AccountState | null>;
  /** Moves the token version on: every token the account holds stops working. */
  endSessions(id: string): Promise<AccountState>;
}

/** The event a change to an account's sessions publishes, after its transaction commits. */
export const SESSION_CHANGED = 'session.changed';
export interface SessionChanged {
  kind: AccountKind;
  id: string;
}

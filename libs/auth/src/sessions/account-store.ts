import type { EventMap } from '@app/common';
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
  /** The stored password hash (PasswordHasher's format), or null for no such account. */
  passwordHash(id: string): Promise<string | null>;
  /**
   * Moves the token version on, so every token the account holds stops working, and sets a new password
   * hash when given; publishes the session change (Sessions.changed) in the same transaction.
   */
  endSessions(id: string, newPasswordHash?: string): Promise<AccountState>;
}

/** The event a change to an account's sessions publishes, after its transaction commits. */
export type SessionChanged = EventMap['session.changed'];

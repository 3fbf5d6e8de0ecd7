import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { unauthenticated } from '@app/common';
import { AppConfig } from '@app/config';
import { type Caller, StaffRole } from './caller.js';
import type { AccountKind, AccountState } from './sessions/account-store.js';
import { Sessions } from './sessions/sessions.js';

/** What a token says: whose it is and the version of that account's sessions it was issued at. Nothing else is trusted. */
interface TokenClaims {
  sub: string;
  typ: AccountKind;
  ver: number;
  exp?: number;
}

const ended = () => unauthenticated('This session has ended (signed out, password changed or access removed); sign in again');
const invalid = () => unauthenticated('The token is invalid or has expired; sign in again');

/**
 * Signs and reads the bearer tokens (HS256 JWTs with an expiry). A token is only as good as the account
 * behind it now: its version must be the account's current one and the account active, and a staff
 * member's role and store are read from the account (Sessions), not from the token.
 */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly sessions: Sessions,
    private readonly config: AppConfig,
  ) {}

  /** A token for an account at its current version, living as long as that kind of account's tokens do. */
  sign(kind: AccountKind, id: string, version: number): Promise<string> {
    const ttl = this.config.get(kind === 'staff' ? 'STAFF_TOKEN_TTL_SECONDS' : 'CUSTOMER_TOKEN_TTL_SECONDS');
    const claims: TokenClaims = { sub: id, typ: kind, ver: version };
    return this.jwt.signAsync(claims, { expiresIn: ttl });
  }

  /** The caller for an `Authorization` header value; a bad, tampered, expired or ended token is UNAUTHENTICATED. */
  async callerFrom(authorization: string | undefined): Promise<Caller> {
    if (!authorization) return { kind: 'guest' };
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) throw unauthenticated('Authorization must be "Bearer <token>"');
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(match[1], { algorithms: ['HS256'] });
    } catch {
      throw invalid();
    }
    // A token without an expiry would be good forever: never accepted, whoever signed it.
    if (typeof claims.exp !== 'number' || typeof claims.sub !== 'string' || !Number.isInteger(claims.ver)) throw invalid();
    if (claims.typ !== 'staff' && claims.typ !== 'customer') throw invalid();
    const state = await this.sessions.current(claims.typ, claims.sub);
    if (!state || !state.active || state.version !== claims.ver) throw ended();
    return callerOf(claims.typ, claims.sub, state);
  }
}

function callerOf(kind: AccountKind, id: string, state: AccountState): Caller {
  if (kind === 'customer') return { kind: 'customer', customerId: id };
  if (!state.role || !Object.values(StaffRole).includes(state.role)) throw ended();
  return { kind: 'staff', staffId: id, role: state.role, locationId: state.locationId };
}

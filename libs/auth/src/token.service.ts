import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { unauthenticated } from '@app/common';
import { type Caller, StaffRole } from './caller.js';

type TokenClaims =
  | { sub: string; typ: 'staff'; role: StaffRole; loc: string | null }
  | { sub: string; typ: 'customer' };

/** Signs and reads the bearer tokens (HS256 JWTs with an expiry). */
@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService) {}

  signStaff(staff: { id: string; role: StaffRole; locationId: string | null }, ttlSeconds: number): Promise<string> {
    const claims: TokenClaims = { sub: staff.id, typ: 'staff', role: staff.role, loc: staff.locationId };
    return this.jwt.signAsync(claims, { expiresIn: ttlSeconds });
  }

  signCustomer(customerId: string, ttlSeconds: number): Promise<string> {
    const claims: TokenClaims = { sub: customerId, typ: 'customer' };
    return this.jwt.signAsync(claims, { expiresIn: ttlSeconds });
  }

  /** The caller for an `Authorization` header value; a bad, tampered or expired token is UNAUTHENTICATED. */
  async callerFrom(authorization: string | undefined): Promise<Caller> {
    if (!authorization) return { kind: 'guest' };
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) throw unauthenticated('Authorization must be "Bearer <token>"');
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(match[1], { algorithms: ['HS256'] });
    } catch {
      throw unauthenticated('The token is invalid or has expired; sign in again');
    }
    if (claims.typ === 'staff' && Object.values(StaffRole).includes(claims.role)) {
      return { kind: 'staff', staffId: claims.sub, role: claims.role, locationId: claims.loc ?? null };
    }
    if (claims.typ === 'customer') return { kind: 'customer', customerId: claims.sub };
    throw unauthenticated('The token is invalid or has expired; sign in again');
  }
}

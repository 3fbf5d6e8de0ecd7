var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { unauthenticated } from '../../common/src/index.js';
import { StaffRole } from './caller.js';
/** Signs and reads the bearer tokens (HS256 JWTs with an expiry). */
let TokenService = class TokenService {
    jwt;
    constructor(jwt) {
        this.jwt = jwt;
    }
    signStaff(staff, ttlSeconds) {
        const claims = { sub: staff.id, typ: 'staff', role: staff.role, loc: staff.locationId };
        return this.jwt.signAsync(claims, { expiresIn: ttlSeconds });
    }
    signCustomer(customerId, ttlSeconds) {
        const claims = { sub: customerId, typ: 'customer' };
        return this.jwt.signAsync(claims, { expiresIn: ttlSeconds });
    }
    /** The caller for an `Authorization` header value; a bad, tampered or expired token is UNAUTHENTICATED. */
    async callerFrom(authorization) {
        if (!authorization)
            return { kind: 'guest' };
        const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
        if (!match)
            throw unauthenticated('Authorization must be "Bearer <token>"');
        let claims;
        try {
            claims = await this.jwt.verifyAsync(match[1], { algorithms: ['HS256'] });
        }
        catch {
            throw unauthenticated('The token is invalid or has expired; sign in again');
        }
        if (claims.typ === 'staff' && Object.values(StaffRole).includes(claims.role)) {
            return { kind: 'staff', staffId: claims.sub, role: claims.role, locationId: claims.loc ?? null };
        }
        if (claims.typ === 'customer')
            return { kind: 'customer', customerId: claims.sub };
        throw unauthenticated('The token is invalid or has expired; sign in again');
    }
};
TokenService = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [JwtService])
], TokenService);
export { TokenService };
//# sourceMappingURL=token.service.js.map
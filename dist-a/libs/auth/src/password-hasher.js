var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/src/index.js';
const scrypt = promisify(scryptCb);
const KEY_LENGTH = 32;
/**
 * scrypt (memory-hard, in Node's own crypto: no native add-on to build). The stored string carries its
 * parameters, so the cost can be raised later without breaking existing hashes.
 */
let PasswordHasher = class PasswordHasher {
    logN;
    dummy;
    constructor(config) {
        this.logN = config.get('PASSWORD_HASH_COST');
    }
    async hash(password) {
        const salt = randomBytes(16);
        const key = await derive(password, salt, this.logN);
        return `scrypt$${this.logN}$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
    }
    async verify(password, stored) {
        // Unknown accounts still pay for one hash, so timing does not reveal which emails exist.
        const target = stored ?? (await (this.dummy ??= this.hash(randomBytes(12).toString('hex'))));
        const [alg, logN, r, p, salt, key] = target.split('$');
        if (alg !== 'scrypt' || !key)
            return false;
        const expected = Buffer.from(key, 'base64');
        const actual = await derive(password, Buffer.from(salt, 'base64'), Number(logN), Number(r), Number(p));
        const same = actual.length === expected.length && timingSafeEqual(actual, expected);
        return same && stored !== undefined && stored !== null;
    }
};
PasswordHasher = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [AppConfig])
], PasswordHasher);
export { PasswordHasher };
function derive(password, salt, logN, r = 8, p = 1) {
    const N = 2 ** logN;
    return scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 });
}
//# sourceMappingURL=password-hasher.js.map
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { createHmac, hkdfSync, randomInt, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { deriveKey, PICKUP_CODE_PURPOSE, seal, unseal } from '../../../common/src/index.js';
import { AppConfig } from '../../../config/src/index.js';
/** Letters and digits that cannot be misread for one another on a phone screen (no 0/O, 1/I, 2/Z, 5/S, 8/B). */
const ALPHABET = 'ACDEFGHJKLMNPQRTUVWXY34679';
const LENGTH = 6; // 26^6 ≈ 3e8, with a lock after a few wrong tries
/**
 * The code a customer shows at the counter. Stored twice, never in clear: an HMAC bound to the fulfilment
 * (checked in constant time) and an AES-GCM sealed copy (so the customer's app can show it again). Both
 * keys derive from the service secret.
 */
let PickupCodes = class PickupCodes {
    macKey;
    sealKey;
    constructor(config) {
        const secret = Buffer.from(config.jwtSecret);
        this.macKey = Buffer.from(hkdfSync('sha256', secret, 'pickup-code', 'mac', 32));
        this.sealKey = deriveKey(config.jwtSecret, PICKUP_CODE_PURPOSE);
    }
    generate() {
        return Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    }
    hash(fulfillmentId, code) {
        return createHmac('sha256', this.macKey).update(`${fulfillmentId}:${normalise(code)}`).digest('hex');
    }
    matches(fulfillmentId, typed, storedHash) {
        if (!storedHash)
            return false;
        const a = Buffer.from(this.hash(fulfillmentId, typed), 'hex');
        const b = Buffer.from(storedHash, 'hex');
        return a.length === b.length && timingSafeEqual(a, b);
    }
    seal(code) {
        return seal(this.sealKey, code);
    }
    open(sealed) {
        return unseal(this.sealKey, sealed);
    }
};
PickupCodes = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [AppConfig])
], PickupCodes);
export { PickupCodes };
const normalise = (code) => code.trim().toUpperCase();
//# sourceMappingURL=pickup-code.js.map
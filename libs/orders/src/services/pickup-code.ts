import { createHmac, hkdfSync, randomInt, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { deriveKey, PICKUP_CODE_PURPOSE, seal, ServiceSecrets, unseal } from '@app/common';

/** Letters and digits that cannot be misread for one another on a phone screen (no 0/O, 1/I, 2/Z, 5/S, 8/B). */
const ALPHABET = 'ACDEFGHJKLMNPQRTUVWXY34679';
const LENGTH = 6; // 26^6 ≈ 3e8, with a lock after a few wrong tries

/**
 * The code a customer shows at the counter. Stored twice, never in clear: an HMAC bound to the fulfilment
 * (checked in constant time) and an AES-GCM sealed copy (so the customer's app can show it again). Both
 * keys derive from the pickup code secret (ServiceSecrets).
 */
@Injectable()
export class PickupCodes {
  private readonly macKey: Buffer;
  private readonly sealKey: Buffer;

  constructor(secrets: ServiceSecrets) {
    this.macKey = Buffer.from(hkdfSync('sha256', Buffer.from(secrets.pickupCode), 'pickup-code', 'mac', 32));
    this.sealKey = deriveKey(secrets.pickupCode, PICKUP_CODE_PURPOSE);
  }

  generate(): string {
    return Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  }

  hash(fulfillmentId: string, code: string): string {
    return createHmac('sha256', this.macKey)
      .update(`${fulfillmentId}:${normalise(code)}`)
      .digest('hex');
  }

  matches(fulfillmentId: string, typed: string, storedHash: string | null): boolean {
    if (!storedHash) return false;
    const a = Buffer.from(this.hash(fulfillmentId, typed), 'hex');
    const b = Buffer.from(storedHash, 'hex');
    return a.length === b.length && timingSafeEqual(a, b);
  }

  seal(code: string): string {
    return seal(this.sealKey, code);
  }

  open(sealed: string | null): string | null {
    return unseal(this.sealKey, sealed);
  }
}

const normalise = (code: string) => code.trim().toUpperCase();

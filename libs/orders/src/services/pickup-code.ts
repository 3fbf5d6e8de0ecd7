import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';

/** Letters and digits that cannot be misread for one another on a phone screen (no 0/O, 1/I, 2/Z, 5/S, 8/B). */
const ALPHABET = 'ACDEFGHJKLMNPQRTUVWXY34679';
const LENGTH = 6; // 26^6 ≈ 3e8, with a lock after a few wrong tries

/**
 * The code a customer shows at the counter. Stored twice, never in clear: an HMAC bound to the fulfilment
 * (checked in constant time) and an AES-GCM sealed copy (so the customer's app can show it again). Both
 * keys derive from the service secret.
 */
@Injectable()
export class PickupCodes {
  private readonly macKey: Buffer;
  private readonly sealKey: Buffer;

  constructor(config: AppConfig) {
    const secret = Buffer.from(config.jwtSecret);
    this.macKey = Buffer.from(hkdfSync('sha256', secret, 'pickup-code', 'mac', 32));
    this.sealKey = Buffer.from(hkdfSync('sha256', secret, 'pickup-code', 'seal', 32));
  }

  generate(): string {
    return Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  }

  hash(fulfillmentId: string, code: string): string {
    return createHmac('sha256', this.macKey).update(`${fulfillmentId}:${normalise(code)}`).digest('hex');
  }

  matches(fulfillmentId: string, typed: string, storedHash: string | null): boolean {
    if (!storedHash) return false;
    const a = Buffer.from(this.hash(fulfillmentId, typed), 'hex');
    const b = Buffer.from(storedHash, 'hex');
    return a.length === b.length && timingSafeEqual(a, b);
  }

  seal(code: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.sealKey, iv);
    const body = Buffer.concat([cipher.update(code, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  open(sealed: string | null): string | null {
    if (!sealed) return null;
    try {
      const raw = Buffer.from(sealed, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', this.sealKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    } catch {
      return null; // sealed under another secret
    }
  }
}

const normalise = (code: string) => code.trim().toUpperCase();

import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
/** A 256-bit key for one purpose, derived from the service secret (HKDF), so purposes never share a key. */
export function deriveKey(secret, purpose) {
    return Buffer.from(hkdfSync('sha256', Buffer.from(secret), purpose, 'seal', 32));
}
/** AES-256-GCM: iv | tag | ciphertext, base64. */
export function seal(key, text) {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}
/** The sealed text, or null when it was sealed under another key or altered. */
export function unseal(key, sealed) {
    if (!sealed)
        return null;
    try {
        const raw = Buffer.from(sealed, 'base64');
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
        decipher.setAuthTag(raw.subarray(12, 28));
        return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    }
    catch {
        return null;
    }
}
export const PICKUP_CODE_PURPOSE = 'pickup-code';
//# sourceMappingURL=sealing.js.map
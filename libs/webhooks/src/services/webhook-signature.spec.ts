import { createHmac } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { signatureHeader, verifySignature } from './webhook-signature.js';

describe('webhook signatures', () => {
  const body = '{"id":"e1","type":"ORDER_PLACED"}';

  it('is t=<seconds>,v1=<hex HMAC-SHA256 of "t.body">, as the contract says', () => {
    const expected = createHmac('sha256', 'whsec_x').update(`1765000000.${body}`).digest('hex');
    expect(signatureHeader('whsec_x', 1765000000, body)).toBe(`t=1765000000,v1=${expected}`);
  });

  it('verifies its own signature, and refuses another secret, another body, an old time', () => {
    const h = signatureHeader('whsec_x', 1765000000, body);
    expect(verifySignature('whsec_x', h, body, 1765000010)).toBe(true);
    expect(verifySignature('whsec_y', h, body, 1765000010)).toBe(false);
    expect(verifySignature('whsec_x', h, `${body} `, 1765000010)).toBe(false);
    expect(verifySignature('whsec_x', h, body, 1765000000 + 301)).toBe(false);
    expect(verifySignature('whsec_x', 'garbage', body, 1765000000)).toBe(false);
  });
});

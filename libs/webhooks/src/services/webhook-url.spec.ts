import { describe, expect, it } from '@jest/globals';
import { endpointUrl } from './webhook-url.js';

describe('webhook endpoint URLs', () => {
  it('takes absolute http and https URLs', () => {
    expect(endpointUrl('https://erp.example/hooks?x=1')).toBe('https://erp.example/hooks?x=1');
    expect(endpointUrl(' http://127.0.0.1:8080/hook ')).toBe('http://127.0.0.1:8080/hook');
  });

  it.each([
    'ftp://example.com/x',
    'javascript:alert(1)',
    'file:///etc/passwd',
    '/relative',
    'not a url',
    `https://e.example/${'a'.repeat(2048)}`,
  ])('refuses %s as INVALID_URL', (raw) => {
    expect(() => endpointUrl(raw)).toThrow(expect.objectContaining({ code: 'INVALID_URL', field: ['url'] }));
  });
});

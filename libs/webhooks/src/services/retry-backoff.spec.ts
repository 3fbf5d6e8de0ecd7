import { describe, expect, it } from '@jest/globals';
import { retryDelaySeconds } from './retry-backoff.js';

describe('webhook retry backoff', () => {
  it('retries first within 30 seconds, then doubles', () => {
    expect(retryDelaySeconds(1, 0)).toBe(5);
    expect(retryDelaySeconds(1, 0.999)).toBeLessThan(30);
    expect([2, 3, 4].map((n) => retryDelaySeconds(n, 0))).toEqual([10, 20, 40]);
  });

  it('never waits more than an hour and a tenth', () => {
    expect(retryDelaySeconds(30, 0)).toBe(3600);
    expect(retryDelaySeconds(500, 0.999)).toBeLessThanOrEqual(3960);
  });
});

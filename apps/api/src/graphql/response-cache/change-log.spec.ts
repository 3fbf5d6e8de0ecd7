import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { ChangeLog } from './change-log.js';

describe('ChangeLog', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('tells a flight of the changes to its variants heard after it began, not before or to others', () => {
    const log = new ChangeLog(10_000, 100);
    log.variantChanged('a');
    const began = log.now();
    expect(log.changedSince(began, ['a', 'b'])).toBe(false);
    log.variantChanged('c');
    expect(log.changedSince(began, ['a', 'b'])).toBe(false);
    log.variantChanged('b');
    expect(log.changedSince(began, ['a', 'b'])).toBe(true);
  });

  it("compares wall clocks for another process's flight: a change heard at or after its start counts", () => {
    const log = new ChangeLog(10_000, 100);
    const writerBegan = Date.now();
    jest.advanceTimersByTime(3);
    log.variantChanged('a');
    expect(log.changedAfter(writerBegan, ['a'])).toBe(true);
    expect(log.changedAfter(Date.now(), ['a'])).toBe(true); // the same millisecond: cannot tell, refused
    jest.advanceTimersByTime(1);
    expect(log.changedAfter(Date.now(), ['a'])).toBe(false);
  });

  it('forgets old changes, and then refuses every flight older than them', () => {
    const log = new ChangeLog(10_000, 100);
    const began = log.now();
    log.variantChanged('a');
    jest.advanceTimersByTime(10_001);
    log.prune(Date.now());
    expect(log.changedSince(began, ['b'])).toBe(true); // too old to tell
    expect(log.changedAfter(began.at, ['b'])).toBe(true);
    const later = log.now();
    expect(log.changedSince(later, ['a'])).toBe(false);
  });

  it('past its size, takes everything as changed', () => {
    const log = new ChangeLog(10_000, 3);
    const began = log.now();
    for (const v of ['a', 'b', 'c']) log.variantChanged(v);
    log.variantChanged('d');
    expect(log.changedSince(began, ['z'])).toBe(true);
    expect(log.changedAfter(began.at, ['z'])).toBe(true);
    jest.advanceTimersByTime(1);
    const later = log.now();
    expect(log.changedSince(later, ['a'])).toBe(false);
  });
});

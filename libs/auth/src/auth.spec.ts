import { describe, expect, it } from '@jest/globals';
import type { AppConfig } from '@app/config';
import { canActAt } from './access.js';
import { SalesChannel, StaffRole } from './caller.js';
import { PasswordHasher } from './password-hasher.js';
import { channelOf } from './request-context.factory.js';

describe('channelOf', () => {
  it('defaults to WEB for shoppers and STORE for staff', () => {
    expect(channelOf(undefined, { kind: 'guest' })).toBe(SalesChannel.WEB);
    expect(channelOf(undefined, { kind: 'staff', staffId: 's', role: StaffRole.ASSOCIATE, locationId: 'l' })).toBe(SalesChannel.STORE);
    expect(channelOf(' app ', { kind: 'guest' })).toBe(SalesChannel.APP);
  });
  it('refuses unknown channels', () => expect(() => channelOf('FAX', { kind: 'guest' })).toThrow(/x-channel/));
  it('keeps STORE for staff', () => {
    expect(() => channelOf('STORE', { kind: 'guest' })).toThrow(/staff/);
    expect(() => channelOf('store', { kind: 'customer', customerId: 'c' })).toThrow(/staff/);
    expect(channelOf('STORE', { kind: 'staff', staffId: 's', role: StaffRole.ASSOCIATE, locationId: 'l' })).toBe(SalesChannel.STORE);
  });
});

describe('canActAt', () => {
  const staff = (role: StaffRole) => ({ kind: 'staff' as const, staffId: 's', role, locationId: 'home' });
  it('admins act anywhere; others at home only', () => {
    expect(canActAt(staff(StaffRole.ADMIN), 'elsewhere')).toBe(true);
    expect(canActAt(staff(StaffRole.MANAGER), 'home')).toBe(true);
    expect(canActAt(staff(StaffRole.MANAGER), 'elsewhere')).toBe(false);
    expect(canActAt(staff(StaffRole.ASSOCIATE), 'elsewhere')).toBe(false);
  });
});

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher({ get: () => 10 } as unknown as AppConfig);
  it('verifies the right password only, with a fresh salt each time', async () => {
    const a = await hasher.hash('Correct-Horse-1');
    const b = await hasher.hash('Correct-Horse-1');
    expect(a).not.toBe(b);
    expect(await hasher.verify('Correct-Horse-1', a)).toBe(true);
    expect(await hasher.verify('correct-horse-1', a)).toBe(false);
    expect(await hasher.verify('Correct-Horse-1', null)).toBe(false);
    expect(await hasher.verify('x', 'not-a-hash')).toBe(false);
  });
});

import { describe, expect, it } from '@jest/globals';
import { StaffRole } from '@app/auth';
import { idempotencyScope } from './idempotency-scope.js';

describe('idempotencyScope', () => {
  const cartId = '0b5f7a52-8c1e-4d6a-9a55-1f4a3c2b7e10';

  it('is the customer, the staff member, or for a guest the cart', () => {
    expect(idempotencyScope({ kind: 'customer', customerId: 'c1' }, cartId)).toBe('customer:c1');
    expect(idempotencyScope({ kind: 'staff', staffId: 's1', role: StaffRole.ASSOCIATE, locationId: null }, cartId)).toBe('staff:s1');
    expect(idempotencyScope({ kind: 'staff', staffId: 's1', role: StaffRole.ADMIN, locationId: null }, null)).toBe('staff:s1');
    expect(idempotencyScope({ kind: 'guest' }, cartId)).toBe(`cart:${cartId}`);
  });

  it('has nothing to scope a guest without a cart by', () => {
    expect(() => idempotencyScope({ kind: 'guest' }, null)).toThrow();
  });
});

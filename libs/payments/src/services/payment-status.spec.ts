import { describe, expect, it } from '@jest/globals';
import { orderPaymentStatusOf, PaymentMethod, paymentStatusOf, PaymentStatus } from './payment-status.js';

const card = (due: number, captured = 0, released = 0, refunded = 0) => ({ method: PaymentMethod.CARD, due, captured, released, refunded });

describe('paymentStatusOf', () => {
  it('follows a card from authorisation to refund', () => {
    expect(paymentStatusOf(card(100))).toBe(PaymentStatus.AUTHORIZED);
    expect(paymentStatusOf(card(100, 40))).toBe(PaymentStatus.PARTIALLY_PAID);
    expect(paymentStatusOf(card(100, 40, 60))).toBe(PaymentStatus.PAID); // the rest released at the counter
    expect(paymentStatusOf(card(100, 100))).toBe(PaymentStatus.PAID);
    expect(paymentStatusOf(card(100, 100, 0, 30))).toBe(PaymentStatus.PARTIALLY_REFUNDED);
    expect(paymentStatusOf(card(100, 100, 0, 100))).toBe(PaymentStatus.REFUNDED);
    expect(paymentStatusOf(card(100, 0, 100))).toBe(PaymentStatus.VOIDED);
  });

  it('keeps a counter payment pending until it is taken, and voided when nothing is owed', () => {
    const counter = { method: PaymentMethod.PAY_AT_PICKUP, due: 50, captured: 0, released: 0, refunded: 0 };
    expect(paymentStatusOf(counter)).toBe(PaymentStatus.PENDING);
    expect(paymentStatusOf({ ...counter, captured: 50 })).toBe(PaymentStatus.PAID);
    expect(paymentStatusOf({ ...counter, released: 50 })).toBe(PaymentStatus.VOIDED);
  });

  it('is PENDING for an order without payment', () => {
    expect(orderPaymentStatusOf([])).toBe(PaymentStatus.PENDING);
    expect(orderPaymentStatusOf([card(100, 100)])).toBe(PaymentStatus.PAID);
  });
});

/** How an order stands with money (contract: Order.paymentStatus, Payment.status). */
export enum PaymentStatus {
  PENDING = 'PENDING',
  AUTHORIZED = 'AUTHORIZED',
  PARTIALLY_PAID = 'PARTIALLY_PAID',
  PAID = 'PAID',
  PARTIALLY_REFUNDED = 'PARTIALLY_REFUNDED',
  REFUNDED = 'REFUNDED',
  VOIDED = 'VOIDED',
}

export enum PaymentMethod {
  CARD = 'CARD',
  PAY_AT_PICKUP = 'PAY_AT_PICKUP',
}

/** The amounts of one payment row, in minor units. */
export interface PaymentAmounts {
  method: PaymentMethod;
  /** What the payment covers: the order's total. */
  due: number;
  captured: number;
  /** No longer owed: cancelled, expired or refused at the counter. */
  released: number;
  refunded: number;
}

/**
 * A payment's status from its amounts alone, so it is never out of step with them: refunds first, then
 * what is captured against what is still owed. VOIDED: nothing was captured and nothing is owed any more.
 */
export function paymentStatusOf(p: PaymentAmounts): PaymentStatus {
  if (p.refunded > 0) return p.refunded >= p.captured ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
  const owed = p.due - p.captured - p.released;
  if (p.captured === 0) {
    if (owed <= 0) return PaymentStatus.VOIDED;
    return p.method === PaymentMethod.CARD ? PaymentStatus.AUTHORIZED : PaymentStatus.PENDING;
  }
  return owed > 0 ? PaymentStatus.PARTIALLY_PAID : PaymentStatus.PAID;
}

/** An order's status from its payments: PENDING without any (an order placed without payment, as in version 1). */
export function orderPaymentStatusOf(payments: PaymentAmounts[]): PaymentStatus {
  if (!payments.length) return PaymentStatus.PENDING;
  const sum = payments.reduce(
    (t, p) => ({
      ...t,
      due: t.due + p.due,
      captured: t.captured + p.captured,
      released: t.released + p.released,
      refunded: t.refunded + p.refunded,
    }),
    { method: payments[0].method, due: 0, captured: 0, released: 0, refunded: 0 },
  );
  return paymentStatusOf(sum);
}

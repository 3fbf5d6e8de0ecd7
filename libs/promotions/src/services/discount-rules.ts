import { ErrorCode } from '@app/common';

/** What the rules need to know of a promotion (the entity satisfies it). */
export interface PromotionTerms {
  id: string;
  code: string;
  percentOff: number | null;
  amountOff: number | null;
  currency: string | null;
  channels: string[] | null;
  startsAt: Date | null;
  endsAt: Date | null;
  minSubtotal: number | null;
  usageLimit: number | null;
  timesUsed: number;
  active: boolean;
}

export interface DiscountContext {
  channel: string;
  /** Before any discount, in minor units of `currency`. */
  subtotal: number;
  currency: string;
  now: Date;
}

export interface Refusal {
  code: ErrorCode;
  message: string;
}

/** Why a promotion cannot apply to this cart now, or null when it can. */
export function refusalOf(p: PromotionTerms, c: DiscountContext): Refusal | null {
  if (!p.active) return { code: ErrorCode.DISCOUNT_NOT_APPLICABLE, message: `${p.code} is no longer active` };
  if (p.endsAt && c.now >= p.endsAt) return { code: ErrorCode.DISCOUNT_EXPIRED, message: `${p.code} has expired` };
  if (p.startsAt && c.now < p.startsAt) return { code: ErrorCode.DISCOUNT_NOT_APPLICABLE, message: `${p.code} is not valid yet` };
  if (p.usageLimit !== null && p.timesUsed >= p.usageLimit)
    return { code: ErrorCode.DISCOUNT_USED_UP, message: `${p.code} has been used up` };
  if (p.channels && !p.channels.includes(c.channel))
    return { code: ErrorCode.DISCOUNT_NOT_APPLICABLE, message: `${p.code} is not valid on ${c.channel}` };
  if ((p.amountOff !== null || p.minSubtotal !== null) && p.currency !== c.currency) {
    return { code: ErrorCode.DISCOUNT_NOT_APPLICABLE, message: `${p.code} is for ${p.currency} carts` };
  }
  if (p.minSubtotal !== null && c.subtotal < p.minSubtotal) {
    return {
      code: ErrorCode.DISCOUNT_NOT_APPLICABLE,
      message: `${p.code} needs a subtotal of at least ${p.minSubtotal} ${p.currency} minor units`,
    };
  }
  return null;
}

export interface AppliedDiscount {
  promotion: PromotionTerms;
  amount: number;
  refusal: Refusal | null;
}

/**
 * The discounts of a cart, in integers. Codes apply in the order they were entered, each to what the ones
 * before it left: a percentage of that, rounded half up to the minor unit (10% of 1,005 is 101), or a fixed
 * amount, never more than what is left. So the total discount never exceeds the subtotal, and a code that
 * cannot apply (refusal) takes nothing.
 */
export function applyDiscounts(promotions: PromotionTerms[], c: DiscountContext): { discount: number; applied: AppliedDiscount[] } {
  let left = c.subtotal;
  const applied = promotions.map((promotion) => {
    const refusal = refusalOf(promotion, c);
    let amount = 0;
    if (!refusal) {
      amount =
        promotion.percentOff !== null ? Math.floor((left * promotion.percentOff + 50) / 100) : Math.min(promotion.amountOff ?? 0, left);
      amount = Math.min(amount, left);
      left -= amount;
    }
    return { promotion, amount, refusal };
  });
  return { discount: c.subtotal - left, applied };
}

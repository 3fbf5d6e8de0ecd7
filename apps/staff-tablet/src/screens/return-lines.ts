// The return-lines chooser's arithmetic, kept pure: what may still come back per SKU, and the returnCreate
// lines and exchange swaps from what the associate chose on the screen.
export type Reason = 'CHANGED_MIND' | 'DAMAGED' | 'NOT_AS_DESCRIBED' | 'OTHER' | 'SIZE_TOO_LARGE' | 'SIZE_TOO_SMALL';
export type Disposition = 'RESTOCK' | 'DAMAGED';

export const REASONS: Reason[] = ['SIZE_TOO_SMALL', 'SIZE_TOO_LARGE', 'CHANGED_MIND', 'NOT_AS_DESCRIBED', 'DAMAGED', 'OTHER'];

export interface LineChoice {
  quantity: number;
  reason: Reason;
  disposition: Disposition;
  /** The variant (another size of the same product) the customer takes instead; none for a refund. */
  exchangeVariantId?: string;
}

export const NO_CHOICE: LineChoice = { quantity: 0, reason: 'SIZE_TOO_SMALL', disposition: 'RESTOCK' };

interface OrderLike {
  lines: { sku: string; quantity: number }[];
  returns: { status: string; lines: { quantity: number; variant: { sku: string } }[] }[];
}

/** Per SKU: units bought less units already in a return that is not cancelled (requested or received). */
export function returnableBySku(order: OrderLike): Record<string, number> {
  const left: Record<string, number> = {};
  for (const l of order.lines) left[l.sku] = (left[l.sku] ?? 0) + l.quantity;
  for (const r of order.returns) {
    if (r.status === 'CANCELLED') continue;
    for (const l of r.lines) if (l.variant.sku in left) left[l.variant.sku] = Math.max(0, left[l.variant.sku] - l.quantity);
  }
  return left;
}

/** A damaged item goes back as damaged by default; the associate can still change it. */
export function withReason(choice: LineChoice, reason: Reason): LineChoice {
  return { ...choice, reason, disposition: reason === 'DAMAGED' ? 'DAMAGED' : choice.disposition };
}

export interface ReturnLinesInput {
  lines: { variantId: string; quantity: number; reason: Reason; disposition: Disposition }[];
  exchange: { returnedVariantId: string; variantId: string; quantity: number }[];
}

/**
 * The chosen lines (quantity above 0, a known variant) as returnCreate's lines and exchange. A swap for the
 * same variant is no swap. Lines whose variant is not known yet are left out, so nothing is sent half-read.
 */
export function returnLinesInput(choices: Record<string, LineChoice>, variantIds: Record<string, string>): ReturnLinesInput {
  const out: ReturnLinesInput = { lines: [], exchange: [] };
  for (const [sku, c] of Object.entries(choices)) {
    const variantId = variantIds[sku];
    if (!variantId || c.quantity <= 0) continue;
    out.lines.push({ variantId, quantity: c.quantity, reason: c.reason, disposition: c.disposition });
    if (c.exchangeVariantId && c.exchangeVariantId !== variantId)
      out.exchange.push({ returnedVariantId: variantId, variantId: c.exchangeVariantId, quantity: c.quantity });
  }
  return out;
}

export const unitsChosen = (choices: Record<string, LineChoice>): number =>
  Object.values(choices).reduce((n, c) => n + Math.max(0, c.quantity), 0);

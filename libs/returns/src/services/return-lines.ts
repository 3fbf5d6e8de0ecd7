import { BusinessError, ErrorCode } from '@app/common';
import { takenAmount, type ReturnableLine } from '@app/orders';

/** Units of one variant asked back, and what they were: the input of a return before it is placed on order lines. */
export interface AskedLine {
  variantId: string;
  quantity: number;
}

/** Units of one order line coming back in this return. */
export interface PlacedLine<T extends AskedLine = AskedLine> {
  line: ReturnableLine;
  quantity: number;
  asked: T;
}

const DAY_MS = 86_400_000;

/**
 * Places the units asked back on the order's lines of their variant (the first lines first): only units
 * handed over (RETURN_NOT_ALLOWED for a variant never handed over), within `windowDays` of their handover
 * (RETURN_WINDOW_CLOSED when only late units are left), no more than handed over less what other returns
 * already take (`taken`, by order line; RETURN_QUANTITY_EXCEEDED).
 */
export function placeOnLines<T extends AskedLine>(
  lines: ReturnableLine[],
  asked: T[],
  taken: Map<string, number>,
  windowDays: number,
  now: Date,
): PlacedLine<T>[] {
  const left = new Map(lines.map((l) => [l.orderLineId, l.handedOver - (taken.get(l.orderLineId) ?? 0)]));
  const placed: PlacedLine<T>[] = [];
  for (const [i, a] of asked.entries()) {
    const field = ['lines', String(i), 'quantity'];
    const mine = lines.filter((l) => l.variantId === a.variantId && l.handedOver > 0);
    if (!mine.length)
      throw new BusinessError(ErrorCode.RETURN_NOT_ALLOWED, 'Only units handed over to the customer can come back', [
        'lines',
        String(i),
        'variantId',
      ]);
    const open = mine.filter((l) => l.handedOverAt !== null && l.handedOverAt.getTime() + windowDays * DAY_MS >= now.getTime());
    const room = (ls: ReturnableLine[]) => ls.reduce((n, l) => n + Math.max(left.get(l.orderLineId)!, 0), 0);
    if (room(open) < a.quantity) {
      if (room(mine) >= a.quantity)
        throw new BusinessError(ErrorCode.RETURN_WINDOW_CLOSED, `Returns are taken within ${windowDays} days of the handover`, field);
      throw new BusinessError(ErrorCode.RETURN_QUANTITY_EXCEEDED, `At most ${room(open)} of these units can still come back`, field);
    }
    let want = a.quantity;
    for (const l of open) {
      const q = Math.min(want, left.get(l.orderLineId)!);
      if (q <= 0) continue;
      placed.push({ line: l, quantity: q, asked: a });
      left.set(l.orderLineId, left.get(l.orderLineId)! - q);
      want -= q;
      if (want === 0) break;
    }
  }
  return placed;
}

/**
 * What `units` more units of `line` refund when `before` of its units already came back: the line's amount
 * (its price less its share of the order's discount) shared by units as the capture shared it, so returning
 * every unit of every line refunds exactly the order's total, and never a minor unit more than was paid.
 */
export function refundOf(line: Pick<ReturnableLine, 'amount' | 'quantity'>, before: number, units: number): number {
  return takenAmount(line.amount, line.quantity, before + units) - takenAmount(line.amount, line.quantity, before);
}

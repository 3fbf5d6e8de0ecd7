/** An order line as its fulfilment's share of the order's money sees it. */
export interface PricedLine {
  fulfillmentId: string;
  position: number;
  unitPrice: number;
  quantity: number;
}

/**
 * What each fulfilment of an order is worth: its lines' prices less their share of the order's discount.
 * The discount is shared in proportion to each line's price, in whole minor units by largest remainder (ties
 * to the earlier line), so the fulfilments add up to exactly the order's total whatever the rounding.
 */
export function fulfillmentAmounts(lines: PricedLine[], discount: number): Map<string, number> {
  const net = lineAmounts(lines, discount);
  const amounts = new Map<string, number>();
  lines.forEach((l, i) => amounts.set(l.fulfillmentId, (amounts.get(l.fulfillmentId) ?? 0) + net[i]));
  return amounts;
}

/**
 * What each line is worth (its price less its share of the discount), in the order of `lines`: the parts
 * fulfillmentAmounts adds up, so a fulfilment's lines add up to exactly its amount.
 */
export function lineAmounts(lines: PricedLine[], discount: number): number[] {
  const gross = lines.map((l) => l.unitPrice * l.quantity);
  const subtotal = gross.reduce((a, b) => a + b, 0);
  const d = Math.min(discount, subtotal); // never more off than the goods cost
  const shares = gross.map((g) => (subtotal > 0 ? Math.floor((d * g) / subtotal) : 0));
  let left = d - shares.reduce((a, b) => a + b, 0);
  const order = lines
    .map((l, i) => ({ i, remainder: subtotal > 0 ? (d * gross[i]) % subtotal : 0, position: l.position }))
    .sort((a, b) => b.remainder - a.remainder || a.position - b.position);
  for (const o of order) {
    if (left <= 0) break;
    if (shares[o.i] < gross[o.i]) {
      shares[o.i]++;
      left--;
    }
  }
  return gross.map((g, i) => g - shares[i]);
}

/**
 * What `taken` of a line's `quantity` units are worth when the whole line is worth `amount`: in proportion,
 * rounded down (the odd minor unit stays with the units left behind), so taking every unit is `amount` exactly.
 */
export function takenAmount(amount: number, quantity: number, taken: number): number {
  if (taken >= quantity) return amount;
  return quantity > 0 ? Math.floor((amount * taken) / quantity) : 0;
}

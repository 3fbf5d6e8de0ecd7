/**
 * What an answer shows that can change without the query changing: the stock of its variants, or a
 * listing chosen by stock. Resolvers record it on the request; a cache that keeps whole answers
 * (the public response cache) reads it to drop an answer when that stock changes, or to keep it briefly.
 * Nothing is recorded unless the cache asked for it on this request (a plain request pays one lookup).
 */
const TRACKED = Symbol('answer.tracked');

interface Dependencies {
  variants: Set<string>;
  chosenByStock: boolean;
}

type Carrier = { [TRACKED]?: Dependencies };

/** The cache will keep this request's answer: record what it depends on from now. */
export function trackAnswerDependencies(req: object): void {
  (req as Carrier)[TRACKED] = { variants: new Set(), chosenByStock: false };
}

/** The answer shows this variant's stock (availableOnline). */
export function answerShowsStockOf(req: object | undefined, variantId: string): void {
  (req as Carrier | undefined)?.[TRACKED]?.variants.add(variantId);
}

/** Which rows the answer holds depends on stock (a listing filtered by availability at a store). */
export function answerChosenByStock(req: object | undefined): void {
  const d = (req as Carrier | undefined)?.[TRACKED];
  if (d) d.chosenByStock = true;
}

export function answerDependencies(req: object): Readonly<Dependencies> | undefined {
  return (req as Carrier)[TRACKED];
}

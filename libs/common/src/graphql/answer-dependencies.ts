import { Extensions } from '@nestjs/graphql';

/**
 * What an answer shows that can change without the query changing: the stock of its variants, or a
 * listing chosen by stock. It is recorded on the request by the schema itself: a field marked
 * @StockDerived when the schema is built gets a resolver that records it (`wireAnswerDependencies` in
 * apps/api), so no resolver has to remember to. A cache that keeps whole answers (the public response
 * cache) reads it to drop an answer when that stock changes, or to keep it briefly (ADR 0012, ADR 0027).
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

/** The field extension that marks a stock-derived field (read when the schema is wired). */
export const STOCK_DERIVED = 'stockDerived';

/**
 * How a field depends on stock:
 * - `variant`: it shows the stock of its parent, a variant (by its `id`): the answer is dropped when that changes;
 * - `any`: it shows stock not tied to one variant the answer names (a store's levels, a listing chosen by stock):
 *   the answer is kept only briefly. On an input field: when the argument is given, which rows are listed
 *   depends on stock.
 */
export type StockDependency = 'variant' | 'any';

/**
 * Marks a field (an @Field, a @ResolveField, a @Query, or an input field) whose value is derived from stock.
 * Every such field must carry it: test/stock-derived-fields.e2e-spec.ts fails for one that does not.
 */
export const StockDerived = (dependency: StockDependency = 'any'): PropertyDecorator & MethodDecorator =>
  Extensions({ [STOCK_DERIVED]: dependency });

export function stockDependencyOf(field: { extensions?: Readonly<Record<string, unknown>> | null }): StockDependency | undefined {
  const d = field.extensions?.[STOCK_DERIVED];
  return d === 'variant' || d === 'any' ? d : undefined;
}

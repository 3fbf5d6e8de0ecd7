import { Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { StockDerived } from '@app/common';

/** The orders a listing can be walked in; each has its own cursors (a cursor of one sort is refused by another). */
export enum ProductSort {
  NAME = 'NAME',
  PRICE_ASC = 'PRICE_ASC',
  PRICE_DESC = 'PRICE_DESC',
  NEWEST = 'NEWEST',
}
registerEnumType(ProductSort, {
  name: 'ProductSort',
  valuesMap: {
    NAME: { description: 'By name, A to Z (the default).' },
    PRICE_ASC: { description: 'By the lowest price of its sizes on sale, cheapest first.' },
    PRICE_DESC: { description: 'By the lowest price of its sizes on sale, dearest first.' },
    NEWEST: { description: 'Newest products first.' },
  },
});

/**
 * The listing's filter. Checked by `checkProductFilter` (product-filter.check.ts), not by class-validator
 * decorators: the catalogue page is the hottest read and the library cost it a tenth of its CPU
 * (docs/adr/0029-catalogue-sorts-and-archiving.md). Its limits are written there, beside these fields.
 */
@InputType()
export class ProductFilter {
  @Field(() => String, { nullable: true, description: 'Words that must all appear in the name (prefixes match); at most 200 characters.' })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 100 characters.' })
  category?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only products with at least one variant available at this location.' })
  @StockDerived() // any level at that store may change which products it lists
  availableAt?: string | null;

  // The variant filters below (and availableAt) hold for one and the same variant: a product matches when one of its sizes on sale does.
  @Field(() => [String], { nullable: true, description: 'Any of these sizes (case-insensitive); at most 50, each 1 to 32 characters.' })
  sizes?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Any of these colours (case-insensitive); at most 50, each 1 to 64 characters.' })
  colours?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'A price at least this, in minor units (0 or more).' })
  minPrice?: number | null;

  @Field(() => Int, { nullable: true, description: 'A price at most this, in minor units (0 or more).' })
  maxPrice?: number | null;
}

import { type PipeTransform } from '@nestjs/common';
import { badInput, isUuid } from '@app/common';
import type { ProductFilter } from './product-filter.input.js';

/**
 * The limits of ProductFilter, checked by hand (docs/adr/0029-catalogue-sorts-and-archiving.md). GraphQL has
 * already checked the types (strings, lists of strings, 32-bit integers) and refused unknown fields: only
 * lengths, counts, signs and the id's form are left. Refusals are BAD_USER_INPUT naming the field, as the
 * global validation pipe's are.
 */
export function checkProductFilter(filter: ProductFilter | null | undefined): ProductFilter | undefined {
  if (!filter) return undefined;
  const { search, category, availableAt, sizes, colours, minPrice, maxPrice } = filter;
  if (search != null && search.length > 200) throw refuse('search', 'at most 200 characters');
  if (category != null && category.length > 100) throw refuse('category', 'at most 100 characters');
  if (availableAt != null && !isUuid(availableAt)) throw refuse('availableAt', 'must be a location id');
  texts('sizes', sizes, 32);
  texts('colours', colours, 64);
  if (minPrice != null && minPrice < 0) throw refuse('minPrice', 'must not be negative');
  if (maxPrice != null && maxPrice < 0) throw refuse('maxPrice', 'must not be negative');
  if (minPrice != null && maxPrice != null && minPrice > maxPrice) throw refuse('minPrice', 'must not be above maxPrice');
  return filter;
}

function texts(field: string, values: string[] | null | undefined, max: number): void {
  if (values == null) return;
  if (values.length > 50) throw refuse(field, 'at most 50 values');
  if (values.some((v) => v.length < 1 || v.length > max)) throw refuse(field, `each 1 to ${max} characters`);
}

const refuse = (field: string, rule: string) => badInput(`filter.${field}: ${rule}`, ['filter', field]);

/** `checkProductFilter` as the `filter` argument's pipe. */
export const ProductFilterCheck: PipeTransform<ProductFilter | null | undefined> = { transform: checkProductFilter };

import { Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '@app/auth';
import { DirectField, StockDerived } from '@app/common';
import { ProductVariant } from '@app/catalogue';
import { StockQueryService } from '../services/stock-query.service.js';

/** Adds stock fields to the catalogue's variant type, so the catalogue need not know about stock. */
@Resolver(() => ProductVariant)
export class VariantAvailabilityResolver {
  constructor(private readonly query: StockQueryService) {}

  @ResolveField(() => Int, { description: 'Units that can be shipped to a home now, across all locations.' })
  @DirectField('ProductVariant')
  @StockDerived('variant') // a kept answer is dropped when this variant's stock changes
  availableOnline(@Parent() variant: ProductVariant, @Ctx() ctx: RequestContext): number | Promise<number> {
    // A page that asked for it read it with its variants: fresher than the cache, and no round trip.
    return variant.available ?? this.query.availableOnline(ctx, variant.id);
  }
}

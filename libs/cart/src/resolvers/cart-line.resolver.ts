import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '@app/auth';
import { CatalogueService, forSale, ProductVariant, toVariant } from '@app/catalogue';
import { Money, notFound } from '@app/common';
import { Location, LocationsService, toLocation } from '@app/locations';
import { Staff, StaffService } from '@app/staff';
import { CartFulfillment, CartLine, CartLineCost } from '../models/cart.model.js';

@Resolver(() => CartLine)
export class CartLineResolver {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly staff: StaffService,
  ) {}

  @ResolveField(() => ProductVariant)
  async variant(@Parent() line: CartLine, @Ctx() ctx: RequestContext): Promise<ProductVariant> {
    const v = await this.catalogue.loadVariant(ctx, line.variantId);
    if (!v) throw notFound('Variant');
    return toVariant(v);
  }

  @ResolveField(() => CartLineCost)
  async cost(@Parent() line: CartLine, @Ctx() ctx: RequestContext): Promise<CartLineCost> {
    const v = await this.catalogue.loadVariant(ctx, line.variantId);
    if (!v) throw notFound('Variant');
    return { unitPrice: Money.of(v.priceAmount, v.priceCurrency), subtotal: Money.of(v.priceAmount * line.quantity, v.priceCurrency) };
  }

  @ResolveField(() => Boolean, {
    description:
      'false when the product or size was archived after the line was added: checkout refuses the cart (PRODUCT_UNAVAILABLE) until the line is removed.',
  })
  async purchasable(@Parent() line: CartLine, @Ctx() ctx: RequestContext): Promise<boolean> {
    const v = await this.catalogue.loadVariant(ctx, line.variantId);
    return v !== null && forSale(v);
  }

  @ResolveField(() => Staff, { nullable: true, description: 'The staff member who added the line, when staff did.' })
  async addedBy(@Parent() line: CartLine, @Ctx() ctx: RequestContext): Promise<Staff | null> {
    if (!line.addedByStaffId || ctx.caller.kind !== 'staff') return null;
    const s = await this.staff.load(ctx, line.addedByStaffId);
    return s && Staff.from(s);
  }
}

@Resolver(() => CartFulfillment)
export class CartFulfillmentResolver {
  constructor(private readonly locations: LocationsService) {}

  @ResolveField(() => Location, { nullable: true })
  async location(@Parent() f: CartFulfillment, @Ctx() ctx: RequestContext): Promise<Location | null> {
    if (!f.locationId) return null;
    const l = await this.locations.load(ctx, f.locationId);
    return l && toLocation(l);
  }
}

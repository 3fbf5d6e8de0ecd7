import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '@app/auth';
import { Money } from '@app/common';
import { Cart, CartCost, CartDiscount } from '../models/cart.model.js';
import { CartPricingService } from '../services/cart-pricing.service.js';

/** A cart's money, priced now for the channel asking (codes can be channel-specific). */
@Resolver(() => Cart)
export class CartFieldsResolver {
  constructor(private readonly pricing: CartPricingService) {}

  @ResolveField(() => CartCost)
  async cost(@Parent() cart: Cart, @Ctx() ctx: RequestContext): Promise<CartCost> {
    const p = await this.pricing.price(ctx, cart.view, ctx.channel);
    return { subtotal: Money.of(p.subtotal, p.currency), discount: Money.of(p.discount, p.currency), total: Money.of(p.total, p.currency) };
  }

  @ResolveField(() => [CartDiscount])
  async discounts(@Parent() cart: Cart, @Ctx() ctx: RequestContext): Promise<CartDiscount[]> {
    const p = await this.pricing.price(ctx, cart.view, ctx.channel);
    return p.discounts.map((d) => ({
      code: d.promotion.code,
      amount: Money.of(d.amount, p.currency),
      applicable: !d.refusal,
      reasonCode: d.refusal?.code ?? null,
      reason: d.refusal?.message ?? null,
    }));
  }
}

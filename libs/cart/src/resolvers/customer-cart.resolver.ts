import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '@app/auth';
import { callerFor, Customer } from '@app/customers';
import { toCart } from '../models/cart.mapper.js';
import { Cart } from '../models/cart.model.js';
import { assertMayUseCart } from '../services/cart-access.js';
import { CartsService } from '../services/carts.service.js';

@Resolver(() => Customer)
export class CustomerCartResolver {
  constructor(private readonly carts: CartsService) {}

  @ResolveField(() => Cart, { description: "The customer's one active cart, the same on every channel (created on first use)." })
  async cart(@Parent() customer: Customer, @Ctx() ctx: RequestContext): Promise<Cart> {
    // Also readable in the payload of the register or login that just signed this customer in.
    assertMayUseCart(callerFor(ctx.caller, customer), { customerId: customer.id });
    const cart = await this.carts.activeCartOf(customer.id, ctx.channel);
    return toCart((await this.carts.view(cart.id))!);
  }
}

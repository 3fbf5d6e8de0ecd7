import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '@app/auth';
import { payload, validateEach } from '@app/common';
import { CartLineInput, CartLineUpdateInput } from '../dto/cart.inputs.js';
import { toCart } from '../models/cart.mapper.js';
import { Cart, CartPayload } from '../models/cart.model.js';
import { CartsService } from '../services/carts.service.js';

@Resolver(() => Cart)
export class CartResolver {
  constructor(private readonly carts: CartsService) {}

  @Query(() => Cart, {
    nullable: true,
    description: 'A cart by id: a guest cart for whoever holds the id; a customer cart for that customer and staff.',
  })
  async cart(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Cart | null> {
    const view = await this.carts.read(ctx, id);
    return view && toCart(view);
  }

  @Mutation(() => CartPayload, { description: 'A new guest cart (a signed-in customer gets their active cart).' })
  cartCreate(@Ctx() ctx: RequestContext): Promise<CartPayload> {
    return payload('cart', async () => toCart(await this.carts.create(ctx)));
  }

  @Mutation(() => CartPayload, { description: 'Adds lines; the same variant with the same fulfilment adds to its line.' })
  cartLinesAdd(
    @Ctx() ctx: RequestContext,
    @Args('cartId', { type: () => ID }) cartId: string,
    @Args('lines', { type: () => [CartLineInput] }, validateEach(CartLineInput)) lines: CartLineInput[],
  ): Promise<CartPayload> {
    return payload('cart', async () => toCart(await this.carts.addLines(ctx, cartId, lines)));
  }

  @Mutation(() => CartPayload, { description: 'Sets line quantities (use cartLinesRemove to remove a line).' })
  cartLinesUpdate(
    @Ctx() ctx: RequestContext,
    @Args('cartId', { type: () => ID }) cartId: string,
    @Args('lines', { type: () => [CartLineUpdateInput] }, validateEach(CartLineUpdateInput)) lines: CartLineUpdateInput[],
  ): Promise<CartPayload> {
    return payload('cart', async () => toCart(await this.carts.updateLines(ctx, cartId, lines)));
  }

  @Mutation(() => CartPayload)
  cartLinesRemove(
    @Ctx() ctx: RequestContext,
    @Args('cartId', { type: () => ID }) cartId: string,
    @Args('lineIds', { type: () => [ID] }) lineIds: string[],
  ): Promise<CartPayload> {
    return payload('cart', async () => toCart(await this.carts.removeLines(ctx, cartId, lineIds)));
  }

  @Mutation(() => CartPayload, { description: "Replaces the cart's discount codes (case-insensitive); [] removes them all." })
  cartDiscountCodesUpdate(
    @Ctx() ctx: RequestContext,
    @Args('cartId', { type: () => ID }) cartId: string,
    @Args('codes', { type: () => [String] }) codes: string[],
  ): Promise<CartPayload> {
    return payload('cart', async () => toCart(await this.carts.setDiscountCodes(ctx, cartId, codes)));
  }
}

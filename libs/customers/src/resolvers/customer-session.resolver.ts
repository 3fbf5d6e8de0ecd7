import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext, SignInRateLimited } from '@app/auth';
import { payload } from '@app/common';
import { LoginInput, RegisterInput } from '../dto/customer.inputs.js';
import { AuthPayload, Customer } from '../models/customer.model.js';
import { CustomersService } from '../services/customers.service.js';
import { GuestCartMerge } from '../services/guest-cart-merge.js';

/**
 * Sign-up and sign-in for customers. Both bring the shopper's guest cart into the account (`cartId`),
 * which is how a cart started as a guest survives signing in: the cart domain's merge, registered with
 * GuestCartMerge. The payload's customer is `Customer.signedIn`, so `customer { cart }` reads as them in
 * that payload.
 */
@Resolver(() => Customer)
export class CustomerSessionResolver {
  constructor(
    private readonly customers: CustomersService,
    private readonly merge: GuestCartMerge,
  ) {}

  @Mutation(() => AuthPayload, {
    description: 'Creates a customer account and signs it in (DUPLICATE if the email is taken). Limited per client address (RATE_LIMITED).',
  })
  @SignInRateLimited('none')
  async register(@Ctx() ctx: RequestContext, @Args('input') input: RegisterInput): Promise<AuthPayload> {
    const p = await payload('customer', async () => {
      const customer = await this.customers.register(input, ctx.channel);
      await this.merge.merge(input.cartId, customer.id);
      return customer;
    });
    return {
      token: p.customer ? await this.customers.token(p.customer) : null,
      customer: p.customer && Customer.signedIn(p.customer),
      userErrors: p.userErrors,
    };
  }

  @Mutation(() => AuthPayload, {
    description:
      'Signs a customer in, merging the guest cart `cartId` into theirs. ' +
      'After several wrong passwords for one email, each attempt waits longer (RATE_LIMITED, HTTP 429, Retry-After).',
  })
  @SignInRateLimited()
  async login(@Args('input') input: LoginInput): Promise<AuthPayload> {
    const p = await payload('customer', async () => {
      const customer = await this.customers.authenticate(input);
      await this.merge.merge(input.cartId, customer.id);
      return customer;
    });
    return {
      token: p.customer ? await this.customers.token(p.customer) : null,
      customer: p.customer && Customer.signedIn(p.customer),
      userErrors: p.userErrors,
    };
  }
}

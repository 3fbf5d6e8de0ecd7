import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext, StaffOnly } from '@app/auth';
import { payload } from '@app/common';
import { PosSaleInput } from '../dto/pos-sale.input.js';
import { Order, OrderPayload } from '../models/order.model.js';
import { PosSales } from '../services/pos-sales.service.js';

@Resolver(() => Order)
export class PosSaleResolver {
  constructor(private readonly sales: PosSales) {}

  @Mutation(() => OrderPayload, {
    description:
      "Staff of the store: a till ticket becomes a COMPLETED STORE order (in the customer's history and the channel report), its units leaving the shelf; the same ticket is recorded once.",
  })
  @StaffOnly()
  posSaleRecord(@Ctx() ctx: RequestContext, @Args('input') input: PosSaleInput): Promise<OrderPayload> {
    return payload('order', async () => Order.from(await this.sales.record(ctx.caller, input)));
  }
}

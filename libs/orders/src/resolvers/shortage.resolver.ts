import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext, StaffOnly } from '@app/auth';
import { badInput, payload, validateEach } from '@app/common';
import { ShortageLineInput } from '../dto/shortage-line.input.js';
import { Order, OrderPayload } from '../models/order.model.js';
import { FulfillmentShortages } from '../services/fulfillment-shortages.service.js';

@Resolver(() => Order)
export class ShortageResolver {
  constructor(private readonly shortages: FulfillmentShortages) {}

  @Mutation(() => OrderPayload, {
    description:
      'Staff of the source: units they cannot find are written off (LOST) and sourced again for the same destination; what nothing can supply is cancelled, its money released, and the customer told. The order as it now stands.',
  })
  @StaffOnly()
  fulfillmentReportShortage(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('lines', { type: () => [ShortageLineInput] }, validateEach(ShortageLineInput)) lines: ShortageLineInput[],
  ): Promise<OrderPayload> {
    if (lines.length < 1 || lines.length > 100) throw badInput('lines must hold 1 to 100 lines', ['lines']);
    return payload('order', async () => Order.from(await this.shortages.report(ctx.caller, id, lines)));
  }
}

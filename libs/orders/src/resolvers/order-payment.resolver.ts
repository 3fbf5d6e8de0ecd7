import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '@app/auth';
import { Money } from '@app/common';
import {
  orderPaymentStatusOf,
  Payment,
  PaymentMethod,
  type PaymentRow,
  PaymentsService,
  PaymentStatus,
  paymentStatusOf,
} from '@app/payments';
import { FulfillmentStatus } from '../order-enums.js';
import { Fulfillment, Order } from '../models/order.model.js';
import { OrderPayments } from '../payments/order-payments.service.js';
import { OrderQueries } from '../services/order-queries.service.js';

const toPayment = (p: PaymentRow): Payment =>
  Object.assign(new Payment(), {
    id: p.id,
    method: p.method,
    status: paymentStatusOf(p),
    authorized: Money.of(p.authorized, p.currency),
    captured: Money.of(p.captured, p.currency),
    refunded: Money.of(p.refunded, p.currency),
  });

/** An order's money: read by whoever may read the order (the order's own access rules ran for its parent). */
@Resolver(() => Order)
export class OrderPaymentResolver {
  constructor(private readonly money: PaymentsService) {}

  @ResolveField(() => PaymentStatus, {
    description: 'PENDING for an order placed without payment, or paid at the counter and not yet collected.',
  })
  async paymentStatus(@Parent() order: Order, @Ctx() ctx: RequestContext): Promise<PaymentStatus> {
    return orderPaymentStatusOf(await this.money.forOrder(ctx, order.id));
  }

  @ResolveField(() => [Payment], { description: 'Oldest first; none for an order placed without payment.' })
  async payments(@Parent() order: Order, @Ctx() ctx: RequestContext): Promise<Payment[]> {
    return (await this.money.forOrder(ctx, order.id)).map(toPayment);
  }
}

/** Still to be handed over: what the counter takes for it while it is open. */
const OPEN = new Set([FulfillmentStatus.ALLOCATED, FulfillmentStatus.IN_TRANSIT, FulfillmentStatus.READY_FOR_PICKUP]);

@Resolver(() => Fulfillment)
export class FulfillmentPaymentResolver {
  constructor(
    private readonly payments: PaymentsService,
    private readonly money: OrderPayments,
    private readonly orders: OrderQueries,
  ) {}

  @ResolveField(() => Money, { description: 'What the counter takes when it is collected (PAY_AT_PICKUP); zero otherwise.' })
  async amountDue(@Parent() f: Fulfillment, @Ctx() ctx: RequestContext): Promise<Money> {
    const [order, open] = await Promise.all([this.orders.loadOrder(ctx, f.orderId), this.payments.openFor(ctx, f.orderId)]);
    const currency = order?.currency ?? open?.currency ?? 'EUR';
    if (!order || open?.method !== PaymentMethod.PAY_AT_PICKUP || !OPEN.has(f.status)) return Money.of(0, currency);
    return Money.of(await this.money.amountOf(order, f.id), currency);
  }
}

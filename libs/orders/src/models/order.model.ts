import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { SalesChannel } from '@app/auth';
import { FulfillmentType, Money, UserError } from '@app/common';
import type { FulfillmentEntity } from '../entities/fulfillment.entity.js';
import type { OrderEntity } from '../entities/order.entity.js';
import { FulfillmentStatus, OrderStatus } from '../order-enums.js';

@ObjectType()
export class Order {
  @Field(() => ID) id: string;
  @Field(() => String, { description: 'Short and unique, for people (receipts, the phone, the counter).' }) number: string;
  @Field(() => OrderStatus) status: OrderStatus;
  @Field(() => SalesChannel) channel: SalesChannel;
  @Field(() => Money) subtotal: Money;
  @Field(() => Money) discount: Money;
  @Field(() => Money, { description: 'subtotal - discount, as the cart was priced at checkout.' }) total: Money;
  @Field(() => String) contactEmail: string;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  entity: OrderEntity;
  /** Plain codes to show (the checkout response, for whoever placed the order). */
  pickupCodes: Map<string, string> | null;

  static from(e: OrderEntity, pickupCodes: Map<string, string> | null = null): Order {
    return Object.assign(new Order(), {
      id: e.id,
      number: e.number,
      status: e.status,
      channel: e.channel,
      contactEmail: e.contactEmail,
      createdAt: e.createdAt,
      subtotal: Money.of(e.subtotal, e.currency),
      discount: Money.of(e.discount, e.currency),
      total: Money.of(e.total, e.currency),
      entity: e,
      pickupCodes,
    });
  }
}

@ObjectType()
export class OrderLine {
  @Field(() => String) sku: string;
  @Field(() => Int) quantity: number;
  @Field(() => Money, { description: 'The price paid for one.' }) unitPrice: Money;
  variantId: string;
}

@ObjectType({ description: 'Lines that travel together from one source (to one pickup store).' })
export class Fulfillment {
  @Field(() => ID) id: string;
  @Field(() => FulfillmentType) type: FulfillmentType;
  @Field(() => FulfillmentStatus) status: FulfillmentStatus;
  @Field(() => GraphQLISODateTime, { nullable: true }) readyAt: Date | null;
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description:
      'When the pickup was promised ready (its shelf and preparation, or the transfer, within opening hours); null for deliveries.',
  })
  readyBy: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When a ready pickup stops being held.' }) expiresAt: Date | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => String, {
    nullable: true,
    description:
      "Why its source was chosen: PICKUP_STORE_SHELF, FEWEST_SPLITS, NEAREST_WITH_STOCK, WAREHOUSE_FIRST or STORE_WITH_STOCK, then ';SKIPPED_AT_CAPACITY:<code>' for each better location at its daily capacity.",
  })
  sourcingReason: string | null;
  sourceLocationId: string;
  pickupLocationId: string | null;
  orderId: string;
  pickupCodeFailures: number;
  /** Set when the parent order carries the plain code (checkout response). */
  shownCode?: string | null;

  static from(e: FulfillmentEntity, shownCode?: string | null): Fulfillment {
    return Object.assign(new Fulfillment(), {
      id: e.id,
      type: e.type,
      status: e.status,
      readyAt: e.readyAt,
      readyBy: e.readyBy,
      expiresAt: e.expiresAt,
      createdAt: e.createdAt,
      sourcingReason: e.sourcingReason ?? null,
      sourceLocationId: e.sourceLocationId,
      pickupLocationId: e.pickupLocationId,
      orderId: e.orderId,
      pickupCodeFailures: e.pickupCodeFailures,
      shownCode,
    });
  }
}

@ObjectType()
export class OrderPayload {
  @Field(() => Order, { nullable: true }) order: Order | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType()
export class FulfillmentPayload {
  @Field(() => Fulfillment, { nullable: true }) fulfillment: Fulfillment | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

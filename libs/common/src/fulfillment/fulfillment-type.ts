import { registerEnumType } from '@nestjs/graphql';

/**
 * How goods reach the customer. A cart line asks for DELIVERY or PICKUP at a store; at checkout a pickup
 * the store cannot serve from its own shelf becomes SHIP_TO_STORE (sent there from another location).
 *
 * In common, not in orders (whose fulfilments it types): the cart's lines carry it too, and the cart is
 * below orders (orders → cart), so a cart importing it from orders would close a cycle.
 */
export enum FulfillmentType {
  DELIVERY = 'DELIVERY',
  PICKUP = 'PICKUP',
  SHIP_TO_STORE = 'SHIP_TO_STORE',
}
registerEnumType(FulfillmentType, { name: 'FulfillmentType' });

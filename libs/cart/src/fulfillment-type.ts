import { registerEnumType } from '@nestjs/graphql';

/**
 * How goods reach the customer. A cart line asks for DELIVERY or PICKUP at a store; at checkout a pickup
 * the store cannot serve from its own shelf becomes SHIP_TO_STORE (sent there from another location).
 */
export enum FulfillmentType {
  DELIVERY = 'DELIVERY',
  PICKUP = 'PICKUP',
  SHIP_TO_STORE = 'SHIP_TO_STORE',
}
registerEnumType(FulfillmentType, { name: 'FulfillmentType' });

export enum CartStatus {
  ACTIVE = 'ACTIVE',
  MERGED = 'MERGED',
  ORDERED = 'ORDERED',
}
registerEnumType(CartStatus, {
  name: 'CartStatus',
  description: 'ACTIVE carts change; MERGED went into a customer cart at sign-in; ORDERED became an order.',
});

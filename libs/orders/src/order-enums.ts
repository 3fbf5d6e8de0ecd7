import { registerEnumType } from '@nestjs/graphql';

export enum OrderStatus {
  PLACED = 'PLACED',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(OrderStatus, { name: 'OrderStatus' });

export enum FulfillmentStatus {
  ALLOCATED = 'ALLOCATED',
  READY_FOR_PICKUP = 'READY_FOR_PICKUP',
  IN_TRANSIT = 'IN_TRANSIT',
  COLLECTED = 'COLLECTED',
  EXPIRED = 'EXPIRED',
  SHIPPED = 'SHIPPED',
  DELIVERED = 'DELIVERED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(FulfillmentStatus, { name: 'FulfillmentStatus' });

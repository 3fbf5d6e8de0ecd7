import { registerEnumType } from '@nestjs/graphql';

export enum CartStatus {
  ACTIVE = 'ACTIVE',
  MERGED = 'MERGED',
  ORDERED = 'ORDERED',
}
registerEnumType(CartStatus, {
  name: 'CartStatus',
  description: 'ACTIVE carts change; MERGED went into a customer cart at sign-in; ORDERED became an order.',
});

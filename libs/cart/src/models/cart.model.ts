import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { SalesChannel } from '@app/auth';
import { FulfillmentType, Money, UserError } from '@app/common';
import { Location } from '@app/locations';
import { CartStatus } from '../cart-status.js';
import type { CartView } from '../services/cart-view.js';

@ObjectType()
export class CartFulfillment {
  @Field(() => FulfillmentType) type: FulfillmentType;
  @Field(() => Location, { nullable: true, description: 'The pickup store.' }) location?: Location | null;
  locationId: string | null;
}

@ObjectType()
export class CartLine {
  @Field(() => ID) id: string;
  @Field(() => Int) quantity: number;
  @Field(() => SalesChannel, { description: 'The client the line was added from.' }) addedVia: SalesChannel;
  @Field(() => CartFulfillment) fulfillment: CartFulfillment;
  variantId: string;
  cartId: string;
  addedByStaffId: string | null;
}

@ObjectType()
export class CartLineCost {
  @Field(() => Money, { description: 'The catalogue price now.' }) unitPrice: Money;
  @Field(() => Money) subtotal: Money;
}

@ObjectType({ description: 'Prices are read from the catalogue each time, so a price change shows at once. total = subtotal - discount.' })
export class CartCost {
  @Field(() => Money) subtotal: Money;
  @Field(() => Money) discount: Money;
  @Field(() => Money) total: Money;
}

@ObjectType({ description: 'A discount code on the cart and what it takes now; a code that no longer applies takes nothing.' })
export class CartDiscount {
  @Field(() => String) code: string;
  @Field(() => Money) amount: Money;
  @Field(() => Boolean) applicable: boolean;
  @Field(() => String, { nullable: true, description: 'Why it does not apply: the refusal code.' }) reasonCode: string | null;
  @Field(() => String, { nullable: true }) reason: string | null;
}

@ObjectType({ description: 'One cart, whichever channel it is used from.' })
export class Cart {
  @Field(() => ID) id: string;
  @Field(() => CartStatus) status: CartStatus;
  @Field(() => [CartLine], { description: 'In the order they were first added.' }) lines: CartLine[];
  @Field(() => [String], { description: 'Applied codes, as created, in the order entered.' }) discountCodes: string[];
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime) updatedAt: Date;
  customerId: string | null;
  view: CartView;
}

@ObjectType()
export class CartPayload {
  @Field(() => Cart, { nullable: true }) cart: Cart | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

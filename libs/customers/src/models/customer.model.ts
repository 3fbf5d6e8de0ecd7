import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import type { Caller } from '@app/auth';
import { UserError } from '@app/common';
import { CustomerEntity } from '../entities/customer.entity.js';

@ObjectType({ description: 'A shopper with an account. Seen by the shopper (me) and by staff.' })
export class Customer {
  @Field(() => ID) id: string;
  @Field(() => String) email: string;
  @Field(() => String, { nullable: true }) name: string | null;
  @Field(() => String, { nullable: true }) phone: string | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  /**
   * True only on the customer a successful register or login returns (set by `signedIn`, never from
   * input): the request was sent as a guest, yet the payload's `customer { cart }` is that customer's own.
   */
  readonly signedInByThisRequest: boolean = false;

  static from(e: CustomerEntity): Customer {
    return Object.assign(new Customer(), { id: e.id, email: e.email, name: e.name, phone: e.phone, createdAt: e.createdAt });
  }

  /** The customer register or login has just authenticated, for that mutation's payload only. */
  static signedIn(e: CustomerEntity): Customer {
    return Object.assign(Customer.from(e), { signedInByThisRequest: true });
  }
}

/**
 * Who reads the fields of `customer` that only the customer and staff may: the customer themselves when
 * this request's register or login just signed them in, else the request's caller. Only those fields
 * change; the request's caller (every other field and mutation of the operation) stays who sent it.
 */
export function callerFor(caller: Caller, customer: Customer): Caller {
  return customer.signedInByThisRequest ? { kind: 'customer', customerId: customer.id } : caller;
}

@ObjectType()
export class AuthPayload {
  @Field(() => String, { nullable: true }) token: string | null;
  @Field(() => Customer, { nullable: true }) customer: Customer | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

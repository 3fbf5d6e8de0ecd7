import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { type Caller, SalesChannel } from '@app/auth';
import { UserError } from '@app/common';
import { CustomerEntity } from '../entities/customer.entity.js';

@ObjectType({ description: 'Whether the customer agreed to marketing, per channel, and when.' })
export class MarketingConsent {
  @Field(() => Boolean) email: boolean;
  @Field(() => Boolean) sms: boolean;
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When consent was last given or withdrawn (either channel); null: never asked.',
  })
  updatedAt: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) emailUpdatedAt: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) smsUpdatedAt: Date | null;
  @Field(() => SalesChannel, { nullable: true, description: 'The sales channel the last consent was collected on.' })
  collectedVia: SalesChannel | null;
  @Field(() => String, { nullable: true, description: 'The staff member who recorded the last consent, if staff did.' })
  collectedByStaffId: string | null;

  static from(e: CustomerEntity): MarketingConsent {
    const dates = [e.marketingEmailAt, e.marketingSmsAt].filter((d): d is Date => d !== null);
    return Object.assign(new MarketingConsent(), {
      email: e.marketingEmail,
      sms: e.marketingSms,
      updatedAt: dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : null,
      emailUpdatedAt: e.marketingEmailAt,
      smsUpdatedAt: e.marketingSmsAt,
      collectedVia: e.marketingChannel,
      collectedByStaffId: e.marketingStaffId,
    });
  }
}

@ObjectType({ description: 'A shopper with an account. Seen by the shopper (me) and by staff.' })
export class Customer {
  @Field(() => ID) id: string;
  @Field(() => String) email: string;
  @Field(() => String, { nullable: true }) name: string | null;
  @Field(() => String, { nullable: true }) phone: string | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => MarketingConsent) marketingConsent: MarketingConsent;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the personal data was erased (customerErase); null otherwise.' })
  erasedAt: Date | null;
  /**
   * True only on the customer a successful register or login returns (set by `signedIn`, never from
   * input): the request was sent as a guest, yet the payload's `customer { cart }` is that customer's own.
   */
  readonly signedInByThisRequest: boolean = false;

  static from(e: CustomerEntity): Customer {
    return Object.assign(new Customer(), {
      id: e.id,
      email: e.email,
      name: e.name,
      phone: e.phone,
      createdAt: e.createdAt,
      marketingConsent: MarketingConsent.from(e),
      erasedAt: e.erasedAt,
    });
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
export class CustomerPayload {
  @Field(() => Customer, { nullable: true }) customer: Customer | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType()
export class AuthPayload {
  @Field(() => String, { nullable: true }) token: string | null;
  @Field(() => Customer, { nullable: true }) customer: Customer | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { UserError } from '@app/common';
import { CustomerEntity } from '../entities/customer.entity.js';

@ObjectType({ description: 'A shopper with an account. Seen by the shopper (me) and by staff.' })
export class Customer {
  @Field(() => ID) id: string;
  @Field(() => String) email: string;
  @Field(() => String, { nullable: true }) name: string | null;
  @Field(() => String, { nullable: true }) phone: string | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;

  static from(e: CustomerEntity): Customer {
    return Object.assign(new Customer(), { id: e.id, email: e.email, name: e.name, phone: e.phone, createdAt: e.createdAt });
  }
}

@ObjectType()
export class AuthPayload {
  @Field(() => String, { nullable: true }) token: string | null;
  @Field(() => Customer, { nullable: true }) customer: Customer | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

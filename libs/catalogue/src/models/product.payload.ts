import { Field, ObjectType } from '@nestjs/graphql';
import { UserError } from '@app/common';
import { Product } from './product.model.js';

@ObjectType()
export class ProductPayload {
  @Field(() => Product, { nullable: true }) product: Product | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

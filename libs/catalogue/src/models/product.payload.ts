import { Field, ObjectType } from '@nestjs/graphql';
import { UserError } from '@app/common';
import { Product, ProductVariant } from './product.model.js';

@ObjectType()
export class ProductPayload {
  @Field(() => Product, { nullable: true }) product: Product | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType()
export class VariantPayload {
  @Field(() => ProductVariant, { nullable: true }) variant: ProductVariant | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsUUID, Min } from 'class-validator';

/** Some units of one variant: the fields that order lines and shortage lines share (each input names itself). */
@InputType({ isAbstract: true })
export abstract class VariantQuantityInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'variantId must be a variant id' })
  variantId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  quantity: number;
}

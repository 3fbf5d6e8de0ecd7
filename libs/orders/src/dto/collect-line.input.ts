import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsString, MaxLength } from 'class-validator';

/** Units of one variant the customer takes at the counter (fulfillmentCollectPartial); 0 leaves the line behind. */
@InputType()
export class CollectLineInput {
  // Not IsUUID: a variant the fulfilment does not hold is the business refusal NOT_IN_FULFILLMENT.
  @Field(() => ID)
  @IsString()
  @MaxLength(64)
  variantId: string;

  // Not Min(0): out of 0..the line's units is the business refusal INVALID_QUANTITY.
  @Field(() => Int)
  @IsInt()
  quantity: number;
}

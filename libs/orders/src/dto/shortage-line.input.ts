import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsUUID, Max, Min } from 'class-validator';

@InputType({ description: 'Units of one size that staff could not find.' })
export class ShortageLineInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'variantId must be a variant id' })
  variantId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(1000)
  quantity: number;
}

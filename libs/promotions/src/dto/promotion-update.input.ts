import { Field, GraphQLISODateTime, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsDate, IsInt, IsOptional, Max, Min } from 'class-validator';

/** Admins: what a promotion may change. Omitted fields stay; `endsAt: null` removes the end, `usageLimit: null` the limit. */
@InputType()
export class PromotionUpdateInput {
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Exclusive; a past date ends the code now. Must be after startsAt.' })
  @IsOptional()
  @IsDate()
  endsAt?: Date | null;

  @Field(() => Int, { nullable: true, description: 'Orders that may use the code in all; not below timesUsed (USAGE_LIMIT_BELOW_USES).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  usageLimit?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'false switches the code off at once, also in carts that hold it.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean | null;
}

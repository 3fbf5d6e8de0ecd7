import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { SalesChannel } from '@app/auth';
import { Money, UserError } from '@app/common';
import { PromotionEntity } from '../entities/promotion.entity.js';

@ObjectType({ description: 'A discount code.' })
export class Promotion {
  @Field(() => ID) id: string;
  @Field(() => String) code: string;
  @Field(() => Int, { nullable: true }) percentOff: number | null;
  @Field(() => Money, { nullable: true }) amountOff: Money | null;
  @Field(() => [SalesChannel], { nullable: true, description: 'Null: every channel.' }) channels: SalesChannel[] | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) startsAt: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) endsAt: Date | null;
  @Field(() => Money, { nullable: true }) minSubtotal: Money | null;
  @Field(() => Int, { nullable: true }) usageLimit: number | null;
  @Field(() => Int, { description: 'Orders that used the code.' }) timesUsed: number;
  @Field(() => Boolean, { description: 'false: switched off by an admin; the code applies to no cart.' }) active: boolean;

  static from(e: PromotionEntity): Promotion {
    const money = (amount: number | null) => (amount === null ? null : Money.of(amount, e.currency ?? ''));
    return Object.assign(new Promotion(), {
      id: e.id,
      code: e.code,
      percentOff: e.percentOff,
      amountOff: money(e.amountOff),
      channels: e.channels,
      startsAt: e.startsAt,
      endsAt: e.endsAt,
      minSubtotal: money(e.minSubtotal),
      usageLimit: e.usageLimit,
      timesUsed: e.timesUsed,
      active: e.active,
    });
  }
}

@ObjectType()
export class PromotionPayload {
  @Field(() => Promotion, { nullable: true }) promotion: Promotion | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

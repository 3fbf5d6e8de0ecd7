import { Field, GraphQLISODateTime, ID, InputType } from '@nestjs/graphql';
import { IsDate, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { SalesChannel } from '@app/auth';
import { OrderStatus } from '../order-enums.js';

/** Which orders the back office lists; every field narrows, none widens what the caller may see. */
@InputType()
export class OrderFilter {
  @Field(() => ID, {
    nullable: true,
    description:
      'Orders sold, sent from or collected at this location. Staff other than admins: their own location only (FORBIDDEN otherwise).',
  })
  @IsOptional()
  @IsUUID('all', { message: 'locationId must be a location id' })
  locationId?: string;

  @Field(() => SalesChannel, { nullable: true })
  @IsOptional()
  @IsEnum(SalesChannel)
  channel?: SalesChannel;

  @Field(() => OrderStatus, { nullable: true })
  @IsOptional()
  @IsEnum(OrderStatus)
  status?: OrderStatus;

  @Field(() => String, { nullable: true, description: 'The order number, exactly (surrounding spaces ignored).' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  number?: string;

  @Field(() => ID, { nullable: true, description: "The customer's orders." })
  @IsOptional()
  @IsUUID('all', { message: 'customerId must be a customer id' })
  customerId?: string;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Placed at or after this time.' })
  @IsOptional()
  @IsDate()
  createdFrom?: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Placed before this time (exclusive).' })
  @IsOptional()
  @IsDate()
  createdTo?: Date;
}

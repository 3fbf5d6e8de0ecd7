import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { StockDerived } from '@app/common';

@InputType()
export class ProductFilter {
  @Field(() => String, { nullable: true, description: 'Words that must all appear in the name (prefixes match).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  category?: string;

  @Field(() => ID, { nullable: true, description: 'Only products with at least one variant available at this location.' })
  @StockDerived() // any level at that store may change which products it lists
  @IsOptional()
  @IsUUID('all', { message: 'availableAt must be a location id' })
  availableAt?: string;
}

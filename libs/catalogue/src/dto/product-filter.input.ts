import { Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { MAX_AMOUNT, StockDerived } from '@app/common';

/** The orders a listing can be walked in; each has its own cursors (a cursor of one sort is refused by another). */
export enum ProductSort {
  NAME = 'NAME',
  PRICE_ASC = 'PRICE_ASC',
  PRICE_DESC = 'PRICE_DESC',
  NEWEST = 'NEWEST',
}
registerEnumType(ProductSort, {
  name: 'ProductSort',
  valuesMap: {
    NAME: { description: 'By name, A to Z (the default).' },
    PRICE_ASC: { description: 'By the lowest price of its sizes on sale, cheapest first.' },
    PRICE_DESC: { description: 'By the lowest price of its sizes on sale, dearest first.' },
    NEWEST: { description: 'Newest products first.' },
  },
});

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

  // The variant filters below (and availableAt) hold for one and the same variant: a product matches when one of its sizes on sale does.
  @Field(() => [String], { nullable: true, description: 'Any of these sizes (case-insensitive).' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 32, { each: true })
  sizes?: string[];

  @Field(() => [String], { nullable: true, description: 'Any of these colours (case-insensitive).' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  colours?: string[];

  @Field(() => Int, { nullable: true, description: 'A price at least this, in minor units.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT)
  minPrice?: number;

  @Field(() => Int, { nullable: true, description: 'A price at most this, in minor units.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT)
  maxPrice?: number;
}

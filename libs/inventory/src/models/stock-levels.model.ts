import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';
import { PageInfo } from '@app/common';
import { StockLevel } from './stock-level.model.js';

@InputType({ description: "What a store manager looks for among the location's levels (all given conditions hold)." })
export class StockLevelFilter {
  @Field(() => String, { nullable: true, description: 'SKUs starting with this (case-insensitive).' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  skuPrefix?: string;

  @Field(() => Boolean, { nullable: true, description: 'Only levels with unsellable units.' })
  @IsOptional()
  @IsBoolean()
  unsellable?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Only levels with units on their way.' })
  @IsOptional()
  @IsBoolean()
  incoming?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Only levels with nothing available to sell.' })
  @IsOptional()
  @IsBoolean()
  soldOut?: boolean;
}

@ObjectType()
export class StockLevelEdge {
  @Field(() => String) cursor: string;
  @Field(() => StockLevel) node: StockLevel;
}

@ObjectType({ description: "A location's levels by SKU, a page at a time." })
export class StockLevelConnection {
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => [StockLevelEdge]) edges: StockLevelEdge[];
}

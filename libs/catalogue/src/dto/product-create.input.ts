import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsOptional, IsString, IsUrl, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { MoneyInput } from '@app/common';
import { ProductImageInput } from './product-image.input.js';

export const SKU_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const BARCODE_PATTERN = /^\d{8,14}$/;
export const CATEGORY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

@InputType()
export class VariantInput {
  @Field(() => String)
  @Matches(SKU_PATTERN, { message: 'sku: 1 to 64 letters, digits, dot, - or _' })
  sku: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  size?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  colour?: string;

  @Field(() => MoneyInput)
  @ValidateNested()
  @Type(() => MoneyInput)
  price: MoneyInput;

  @Field(() => String, { nullable: true, description: 'EAN/UPC barcode, digits only.' })
  @IsOptional()
  @Matches(BARCODE_PATTERN, { message: 'barcode: 8 to 14 digits' })
  barcode?: string;
}

@InputType()
export class ProductCreateInput {
  @Field(() => String)
  @Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'slug: lowercase letters and digits separated by single hyphens' })
  @MaxLength(200)
  slug: string;

  @Field(() => String)
  @IsString()
  @Length(1, 300)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  description?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  brand?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(CATEGORY_PATTERN, { message: 'category: lowercase letters and digits separated by single hyphens' })
  @MaxLength(100)
  category?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsUrl({ require_protocol: true }, { each: true })
  images?: string[];

  @Field(() => [ProductImageInput], { nullable: true, description: 'The images with their alt texts (instead of `images`).' })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ProductImageInput)
  gallery?: ProductImageInput[];

  @Field(() => [VariantInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => VariantInput)
  variants: VariantInput[];
}

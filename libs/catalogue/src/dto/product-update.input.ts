import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsOptional, IsString, IsUrl, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { MoneyInput } from '@app/common';
import { BARCODE_PATTERN, CATEGORY_PATTERN, SKU_PATTERN } from './product-create.input.js';
import { ProductImageInput } from './product-image.input.js';

/** Only the fields given change; `null` clears description, brand or category. */
@InputType()
export class ProductUpdateInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  description?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  brand?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(CATEGORY_PATTERN, { message: 'category: lowercase letters and digits separated by single hyphens' })
  @MaxLength(100)
  category?: string | null;

  @Field(() => [String], { nullable: true, description: 'Replaces the images (their alt texts go with them); or give `gallery`.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsUrl({ require_protocol: true }, { each: true })
  images?: string[];

  @Field(() => [ProductImageInput], { nullable: true, description: 'Replaces the images with these, alt texts included.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ProductImageInput)
  gallery?: ProductImageInput[];
}

@InputType({ description: 'Changes one variant, named by its SKU; only the fields given change.' })
export class VariantUpdateInput {
  @Field(() => String)
  @Matches(SKU_PATTERN, { message: 'sku: 1 to 64 letters, digits, dot, - or _' })
  sku: string;

  @Field(() => MoneyInput, { nullable: true, description: 'Open carts show it at once; placed orders keep theirs.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyInput)
  price?: MoneyInput;

  @Field(() => String, { nullable: true, description: 'EAN/UPC barcode, digits only; null removes it.' })
  @IsOptional()
  @Matches(BARCODE_PATTERN, { message: 'barcode: 8 to 14 digits' })
  barcode?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true takes the size off sale, false puts it back.' })
  @IsOptional()
  @IsBoolean()
  archived?: boolean;
}

import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Money, PageInfo } from '@app/common';

@ObjectType({ description: 'An image of a product, with the text that describes it to those who cannot see it.' })
export class ProductImage {
  @Field(() => String) url: string;
  @Field(() => String, { nullable: true }) alt: string | null;
}

@ObjectType()
export class Product {
  @Field(() => ID) id: string;
  @Field(() => String) slug: string;
  @Field(() => String) name: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => String, { nullable: true }) brand: string | null;
  @Field(() => String, { nullable: true }) category: string | null;
  @Field(() => [String], { description: 'Image URLs, first is the main one.' }) images: string[];
  @Field(() => [ProductImage], { description: 'The images as objects, with their alt text, in the order of `images`.' })
  gallery: ProductImage[];
  @Field(() => Boolean, { description: 'Taken off sale: out of `products` and search, not for carts; still readable by id.' })
  archived: boolean;
}

@ObjectType({ description: 'A size/colour of a product, the unit that is stocked and sold.' })
export class ProductVariant {
  @Field(() => ID) id: string;
  @Field(() => String) sku: string;
  @Field(() => String, { nullable: true }) size: string | null;
  @Field(() => String, { nullable: true }) colour: string | null;
  @Field(() => Money, { description: 'Price including tax.' }) price: Money;
  @Field(() => String, { nullable: true }) barcode: string | null;
  @Field(() => Boolean, { description: 'This size, or its product, is off sale: it cannot be added to a cart or checked out.' })
  archived: boolean;
  productId: string;
  /** Units free online as read with the variant (a page that asks for availableOnline); unset otherwise. */
  available?: number;
}

@ObjectType()
export class ProductEdge {
  @Field(() => String) cursor: string;
  @Field(() => Product) node: Product;
}

@ObjectType()
export class ProductConnection {
  @Field(() => Int) totalCount: number;
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => [ProductEdge]) edges: ProductEdge[];
}

@ObjectType({ description: 'A category with products on sale.' })
export class Category {
  @Field(() => String) name: string;
  @Field(() => Int, { description: 'Products on sale in it.' }) productCount: number;
}

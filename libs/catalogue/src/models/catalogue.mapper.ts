import { Money } from '@app/common';
import { ProductVariantEntity } from '../entities/product-variant.entity.js';
import { ProductEntity } from '../entities/product.entity.js';
import { Product, ProductVariant } from './product.model.js';

export function toProduct(e: ProductEntity): Product {
  return Object.assign(new Product(), {
    id: e.id,
    slug: e.slug,
    name: e.name,
    description: e.description,
    brand: e.brand,
    category: e.category,
    images: e.images ?? [],
  });
}

export function toVariant(e: Omit<ProductVariantEntity, 'createdAt'> & { available?: number }): ProductVariant {
  return Object.assign(new ProductVariant(), {
    id: e.id,
    sku: e.sku,
    size: e.size,
    colour: e.colour,
    barcode: e.barcode,
    price: Money.of(e.priceAmount, e.priceCurrency),
    productId: e.productId,
    available: e.available,
  });
}

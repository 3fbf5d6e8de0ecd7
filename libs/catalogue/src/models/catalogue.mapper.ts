import { Money } from '@app/common';
import { ProductVariantEntity } from '../entities/product-variant.entity.js';
import { ProductEntity } from '../entities/product.entity.js';
import { Product, ProductVariant } from './product.model.js';

/** A product as read: a listing reads neither its sort keys nor `archivedAt` (what it lists is on sale). */
export type ProductRow = Omit<ProductEntity, 'createdAt' | 'priceFrom' | 'archivedAt'> & { archivedAt?: Date | null };

export function toProduct(e: ProductRow): Product {
  const images = e.images ?? [];
  return Object.assign(new Product(), {
    id: e.id,
    slug: e.slug,
    name: e.name,
    description: e.description,
    brand: e.brand,
    category: e.category,
    images,
    gallery: images.map((url) => ({ url, alt: e.imageAlts?.[url] ?? null })),
    archived: e.archivedAt != null,
  });
}

/** Whether a variant can be sold: neither it nor its product is archived. */
export const forSale = (v: Pick<ProductVariantEntity, 'productArchived'> & { archivedAt?: Date | null }): boolean =>
  !v.productArchived && v.archivedAt == null;

export function toVariant(
  e: Omit<ProductVariantEntity, 'createdAt' | 'archivedAt'> & { archivedAt?: Date | null; available?: number },
): ProductVariant {
  return Object.assign(new ProductVariant(), {
    id: e.id,
    sku: e.sku,
    size: e.size,
    colour: e.colour,
    barcode: e.barcode,
    archived: !forSale(e),
    price: Money.of(e.priceAmount, e.priceCurrency),
    productId: e.productId,
    available: e.available,
  });
}

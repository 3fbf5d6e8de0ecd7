import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One sellable size/colour of a product. `position` keeps the order the variants were created in. */
@Entity('product_variant')
export class ProductVariantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'product_id' })
  productId: string;

  @Column('integer')
  position: number;

  @Column('varchar')
  sku: string;

  @Column('varchar', { nullable: true })
  size: string | null;

  @Column('varchar', { nullable: true })
  colour: string | null;

  @Column('integer', { name: 'price_amount' })
  priceAmount: number;

  @Column('char', { name: 'price_currency' })
  priceCurrency: string;

  @Column('varchar', { nullable: true })
  barcode: string | null;

  /** Set when this size was taken off sale; it then leaves listings and cannot be added to carts. */
  @Column('timestamptz', { name: 'archived_at', nullable: true })
  archivedAt: Date | null;

  /** Its product is archived (kept with the variant so one-SKU reads need no join; set with the product's). */
  @Column('boolean', { name: 'product_archived', default: false })
  productArchived: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

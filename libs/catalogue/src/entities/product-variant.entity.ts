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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

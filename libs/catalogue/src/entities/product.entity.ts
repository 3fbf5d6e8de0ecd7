import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('product')
export class ProductEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('varchar')
  slug: string;

  @Column('varchar')
  name: string;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('varchar', { nullable: true })
  brand: string | null;

  @Column('varchar', { nullable: true })
  category: string | null;

  @Column('jsonb')
  images: string[];

  /** Alt texts by image URL (an image without one has none). */
  @Column('jsonb', { name: 'image_alts', default: {} })
  imageAlts: Record<string, string>;

  /** The lowest price of its sizes on sale (of all its sizes when none is): the key of the price sorts. */
  @Column('integer', { name: 'price_from' })
  priceFrom: number;

  /** Set when the product was taken off sale: out of listings and search, still readable by id. */
  @Column('timestamptz', { name: 'archived_at', nullable: true })
  archivedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

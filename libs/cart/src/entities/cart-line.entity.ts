import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { SalesChannel } from '@app/auth';
import type { FulfillmentType } from '@app/common';

/** A variant, a quantity and how it should reach the customer. `seq` keeps the order lines were first added in. */
@Entity('cart_line')
export class CartLineEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Column('uuid', { name: 'cart_id' })
  cartId: string;

  @Column('uuid', { name: 'variant_id' })
  variantId: string;

  @Column('integer')
  quantity: number;

  @Column('varchar', { name: 'fulfillment_type' })
  fulfillmentType: FulfillmentType;

  /** The pickup store, for PICKUP lines. */
  @Column('uuid', { name: 'location_id', nullable: true })
  locationId: string | null;

  @Column('varchar', { name: 'added_via' })
  addedVia: SalesChannel;

  @Column('uuid', { name: 'added_by_staff_id', nullable: true })
  addedByStaffId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

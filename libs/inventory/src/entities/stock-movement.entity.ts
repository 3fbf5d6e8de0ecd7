import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * What can change a stock level. Adjustments are staff counts and receipts; the rest come from orders:
 * RESERVATION and RELEASE move `reserved`; SHIPMENT and COLLECTION take held units out; TRANSFER_IN
 * brings units sent to a pickup store in, held for their customer.
 */
export enum StockMovementType {
  ADJUSTMENT = 'ADJUSTMENT',
  RESERVATION = 'RESERVATION',
  RELEASE = 'RELEASE',
  SHIPMENT = 'SHIPMENT',
  COLLECTION = 'COLLECTION',
  TRANSFER_IN = 'TRANSFER_IN',
  SEED = 'SEED',
  /** Held units staff could not find (a shortage): written off, on hand and held both fall. */
  LOST = 'LOST',
}

/** The ledger: append-only. Per level, the sums of the deltas equal on_hand and reserved. */
@Entity('stock_movement')
export class StockMovementEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column('uuid', { name: 'location_id' })
  locationId: string;

  @Column('uuid', { name: 'variant_id' })
  variantId: string;

  @Column('varchar')
  type: StockMovementType;

  @Column('integer', { name: 'on_hand_delta' })
  onHandDelta: number;

  @Column('integer', { name: 'reserved_delta' })
  reservedDelta: number;

  @Column('varchar', { nullable: true })
  reason: string | null;

  @Column('varchar', { nullable: true })
  reference: string | null;

  @Column('uuid', { name: 'staff_id', nullable: true })
  staffId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * What can change a stock level. Adjustments are staff receipts and corrections; orders and transfers
 * RESERVATION and RELEASE move `reserved`; SHIPMENT and COLLECTION take held units out; TRANSFER_IN brings
 * units sent to the level in (held for their customer when a ship-to-store sent them). The states of the
 * shop floor (docs/adr/0031-store-stock-states.md) have their own.
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
  /** Units found damaged or put aside for inspection: still on hand, no longer for sale. */
  UNSELLABLE = 'UNSELLABLE',
  /** Unsellable units back on sale. */
  SELLABLE = 'SELLABLE',
  /** Unsellable units leave the location (thrown away, sent back to the supplier). */
  WRITE_OFF = 'WRITE_OFF',
  /** The units kept for walk-in shoppers changed. */
  SAFETY_STOCK = 'SAFETY_STOCK',
  /** A transfer leaves its source: held units out. */
  TRANSFER_OUT = 'TRANSFER_OUT',
  /** Units sent to the level are on their way (incoming). */
  IN_TRANSIT = 'IN_TRANSIT',
  /** Units sent to the level that did not arrive. */
  LOST_IN_TRANSIT = 'LOST_IN_TRANSIT',
  /** A count's variance (counted - expected) applied on top of what moved while counting. */
  COUNT = 'COUNT',
  /** Units a customer brought back: on sale again, or on hand as unsellable when damaged. */
  RETURN = 'RETURN',
  /** On hand set to what the retailer's systems counted (stockSet, a stock feed): the difference. */
  SET = 'SET',
  /** Units sold at a till. */
  SALE = 'SALE',
}

/** The ledger: append-only. Per level, the sum of each delta equals its state (on_hand, reserved, unsellable, safety_stock, incoming). */
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

  @Column('integer', { name: 'unsellable_delta', default: 0 })
  unsellableDelta: number;

  @Column('integer', { name: 'safety_stock_delta', default: 0 })
  safetyStockDelta: number;

  @Column('integer', { name: 'incoming_delta', default: 0 })
  incomingDelta: number;

  @Column('varchar', { nullable: true })
  reason: string | null;

  @Column('varchar', { nullable: true })
  reference: string | null;

  @Column('uuid', { name: 'staff_id', nullable: true })
  staffId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

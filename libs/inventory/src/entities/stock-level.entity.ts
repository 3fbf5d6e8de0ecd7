import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * Stock of one variant at one location. `available = on_hand - reserved`; CHECK constraints keep
 * 0 <= reserved <= on_hand. Change it only through StockLedger, which writes a movement for every change.
 */
@Entity('stock_level')
export class StockLevelEntity {
  @PrimaryColumn('uuid', { name: 'location_id' })
  locationId: string;

  @PrimaryColumn('uuid', { name: 'variant_id' })
  variantId: string;

  @Column('integer', { name: 'on_hand' })
  onHand: number;

  @Column('integer')
  reserved: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A bought variant: its SKU and price as they were at checkout. */
@Entity('order_line')
export class OrderLineEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'order_id' }) orderId: string;
  @Column('uuid', { name: 'fulfillment_id' }) fulfillmentId: string;
  @Column('integer') position: number;
  @Column('uuid', { name: 'variant_id' }) variantId: string;
  @Column('varchar') sku: string;
  @Column('integer') quantity: number;
  @Column('integer', { name: 'unit_price' }) unitPrice: number;
  /** Units the customer took; null until the fulfilment is collected. */
  @Column('integer', { nullable: true }) collected: number | null;
}

import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { SalesChannel } from '@app/auth';
import type { OrderStatus } from '../order-enums.js';

/** An order: what was bought, for how much, on which channel, by whom, for whom. Money in minor units. */
@Entity('customer_order')
export class OrderEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', insert: false, update: false }) number: string;
  @Column('varchar', { name: 'idempotency_key' }) idempotencyKey: string;
  /** Whose key it is (idempotencyScope): keys are unique per caller. */
  @Column('varchar', { name: 'idempotency_scope' }) idempotencyScope: string;
  @Column('uuid', { name: 'cart_id', nullable: true }) cartId: string | null;
  @Column('uuid', { name: 'customer_id', nullable: true }) customerId: string | null;
  @Column('varchar') channel: SalesChannel;
  @Column('varchar') status: OrderStatus;
  @Column('char') currency: string;
  @Column('integer') subtotal: number;
  @Column('integer') discount: number;
  @Column('integer') total: number;
  @Column('varchar', { name: 'contact_email' }) contactEmail: string;
  @Column('varchar', { name: 'contact_phone', nullable: true }) contactPhone: string | null;
  @Column('varchar', { name: 'contact_name', nullable: true }) contactName: string | null;
  @Column('varchar', { name: 'ship_line1', nullable: true }) shipLine1: string | null;
  @Column('varchar', { name: 'ship_city', nullable: true }) shipCity: string | null;
  @Column('varchar', { name: 'ship_postal_code', nullable: true }) shipPostalCode: string | null;
  @Column('char', { name: 'ship_country', nullable: true }) shipCountry: string | null;
  @Column('uuid', { name: 'attributed_location_id', nullable: true }) attributedLocationId: string | null;
  @Column('uuid', { name: 'placed_by_staff_id', nullable: true }) placedByStaffId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

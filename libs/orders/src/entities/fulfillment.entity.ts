import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { FulfillmentType } from '@app/common';
import type { FulfillmentStatus } from '../order-enums.js';

/** A group of an order's lines that travels together from one source location (to one pickup store). */
@Entity('fulfillment')
export class FulfillmentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'order_id' }) orderId: string;
  @Column('varchar') type: FulfillmentType;
  @Column('varchar') status: FulfillmentStatus;
  @Column('uuid', { name: 'source_location_id' }) sourceLocationId: string;
  @Column('uuid', { name: 'pickup_location_id', nullable: true }) pickupLocationId: string | null;
  @Column('varchar', { name: 'pickup_code_hash', nullable: true, select: false }) pickupCodeHash: string | null;
  @Column('text', { name: 'pickup_code_sealed', nullable: true, select: false }) pickupCodeSealed: string | null;
  @Column('integer', { name: 'pickup_code_failures' }) pickupCodeFailures: number;
  /** Why its source was chosen (SourcingReason); null for fulfilments from before it was recorded or from a shortage. */
  @Column('varchar', { name: 'sourcing_reason', nullable: true }) sourcingReason: string | null;
  @Column('timestamptz', { name: 'ready_at', nullable: true }) readyAt: Date | null;
  /** When the pickup was promised ready at checkout (or when a shortage sent it again); null for deliveries. */
  @Column('timestamptz', { name: 'ready_by', nullable: true }) readyBy: Date | null;
  @Column('timestamptz', { name: 'expires_at', nullable: true }) expiresAt: Date | null;
  @Column('timestamptz', { name: 'shipped_at', nullable: true }) shippedAt: Date | null;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { SalesChannel } from '@app/auth';
import type { CartStatus } from '../cart-status.js';

/** A guest cart (no customer; its unguessable id is the key to it) or a customer's one ACTIVE cart. */
@Entity('cart')
export class CartEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'customer_id', nullable: true })
  customerId: string | null;

  @Column('varchar')
  status: CartStatus;

  @Column('varchar', { name: 'created_via' })
  createdVia: SalesChannel;

  @Column('uuid', { name: 'merged_into', nullable: true })
  mergedInto: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

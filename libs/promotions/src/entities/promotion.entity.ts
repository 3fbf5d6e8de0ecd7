import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { SalesChannel } from '@app/auth';

/**
 * A discount code: a percentage or an amount off the cart, on some channels, in a time window, above a
 * minimum subtotal, up to a number of uses. `times_used` only grows at checkout, with a guarded update.
 */
@Entity('promotion')
export class PromotionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** As created; matched without regard to case. */
  @Column('varchar')
  code: string;

  @Column('integer', { name: 'percent_off', nullable: true })
  percentOff: number | null;

  @Column('integer', { name: 'amount_off', nullable: true })
  amountOff: number | null;

  /** Currency of amount_off and min_subtotal. */
  @Column('char', { nullable: true })
  currency: string | null;

  /** Null: every channel. */
  @Column('varchar', { array: true, nullable: true })
  channels: SalesChannel[] | null;

  @Column('timestamptz', { name: 'starts_at', nullable: true })
  startsAt: Date | null;

  @Column('timestamptz', { name: 'ends_at', nullable: true })
  endsAt: Date | null;

  @Column('integer', { name: 'min_subtotal', nullable: true })
  minSubtotal: number | null;

  @Column('integer', { name: 'usage_limit', nullable: true })
  usageLimit: number | null;

  @Column('integer', { name: 'times_used' })
  timesUsed: number;

  /** False: switched off by an admin (promotionUpdate); the code no longer applies to any cart. */
  @Column('boolean')
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

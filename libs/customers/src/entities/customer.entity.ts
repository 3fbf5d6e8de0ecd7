import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { SalesChannel } from '@app/auth';

/** A shopper's account: the same person on the web, in the app and at the till. */
@Entity('customer')
export class CustomerEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('varchar')
  email: string;

  @Column('text', { name: 'password_hash', select: false })
  passwordHash: string;

  @Column('varchar', { nullable: true })
  name: string | null;

  /** E.164, e.g. +33612345678. */
  @Column('varchar', { nullable: true })
  phone: string | null;

  @Column('varchar', { name: 'created_via' })
  createdVia: SalesChannel;

  /** Tokens carry it; moving it on ends every session of the account. */
  @Column('integer', { name: 'token_version' })
  tokenVersion: number;

  /** Marketing consent per channel, each dated when last given or withdrawn. */
  @Column('boolean', { name: 'marketing_email' })
  marketingEmail: boolean;

  @Column('timestamptz', { name: 'marketing_email_at', nullable: true })
  marketingEmailAt: Date | null;

  @Column('boolean', { name: 'marketing_sms' })
  marketingSms: boolean;

  @Column('timestamptz', { name: 'marketing_sms_at', nullable: true })
  marketingSmsAt: Date | null;

  /** Where the last consent was collected: the request's sales channel, and the staff member if staff recorded it. */
  @Column('varchar', { name: 'marketing_channel', nullable: true })
  marketingChannel: SalesChannel | null;

  @Column('uuid', { name: 'marketing_staff_id', nullable: true })
  marketingStaffId: string | null;

  /** Set by customerErase: the personal data is gone, the account cannot sign in, and look-ups skip it. */
  @Column('timestamptz', { name: 'erased_at', nullable: true })
  erasedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

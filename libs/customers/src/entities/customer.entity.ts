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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

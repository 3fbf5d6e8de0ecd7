import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { StaffRole } from '@app/auth';

@Entity('staff')
export class StaffEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('varchar')
  email: string;

  @Column('text', { name: 'password_hash', select: false })
  passwordHash: string;

  @Column('varchar', { nullable: true })
  name: string | null;

  @Column('varchar')
  role: StaffRole;

  @Column('uuid', { name: 'location_id', nullable: true })
  locationId: string | null;

  @Column('boolean')
  active: boolean;

  /** Tokens carry it; moving it on ends every session of the account. */
  @Column('integer', { name: 'token_version' })
  tokenVersion: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

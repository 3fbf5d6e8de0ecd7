import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One change worth answering for later: what was done, by which staff member, to what, from what to what. */
@Entity('audit_entry')
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('varchar') action: string;
  /** Null when no staff member did it (a background job). */
  @Column('uuid', { name: 'staff_id', nullable: true }) staffId: string | null;
  /** The GraphQL type of what changed, e.g. `Fulfillment`. */
  @Column('varchar', { name: 'subject_type' }) subjectType: string;
  @Column('varchar', { name: 'subject_id' }) subjectId: string;
  @Column('jsonb', { nullable: true }) before: Record<string, unknown> | null;
  @Column('jsonb', { nullable: true }) after: Record<string, unknown> | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { StaffOnly, StaffRole } from '@app/auth';
import { AuditEntry } from '../models/audit-entry.model.js';
import { AuditLog } from '../services/audit-log.service.js';

@Resolver(() => AuditEntry)
export class AuditLogResolver {
  constructor(private readonly log: AuditLog) {}

  @Query(() => [AuditEntry], {
    description: 'Admins: recorded back-office changes, newest first; `after` is the id of the last entry read.',
  })
  @StaffOnly(StaffRole.ADMIN)
  async auditLog(
    @Args('first', { type: () => Int, description: '1 to 100' }) first: number,
    @Args('after', { type: () => ID, nullable: true }) after?: string,
    @Args('action', { type: () => String, nullable: true }) action?: string,
    @Args('subjectId', { type: () => String, nullable: true }) subjectId?: string,
  ): Promise<AuditEntry[]> {
    return (await this.log.list({ first, after, action, subjectId })).map((e) => AuditEntry.from(e));
  }
}

import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AuditEntry } from '@app/audit';
import { Ctx, type RequestContext } from '@app/auth';
import { Staff } from '../models/staff.model.js';
import { StaffService } from '../services/staff.service.js';

/**
 * `AuditEntry.staff`: the audit lib stores only the id (it sits below staff, which records into it), so
 * the staff lib adds the field, batched per request (one query for a page of entries).
 */
@Resolver(() => AuditEntry)
export class AuditEntryStaffResolver {
  constructor(private readonly members: StaffService) {}

  @ResolveField(() => Staff, { nullable: true, description: 'Who did it; null for a background job or a customer acting for themselves.' })
  async staff(@Parent() entry: AuditEntry, @Ctx() ctx: RequestContext): Promise<Staff | null> {
    if (!entry.staffId) return null;
    const s = await this.members.load(ctx, entry.staffId);
    return s && Staff.from(s);
  }
}

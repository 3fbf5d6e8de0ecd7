import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { StaffOnly, StaffRole } from '@app/auth';
import { isUuid } from '@app/common';
import { BulkJob } from './bulk-job.model.js';
import { BulkJobs } from './bulk-jobs.service.js';

@Resolver(() => BulkJob)
export class BulkResolver {
  constructor(private readonly jobs: BulkJobs) {}

  @Query(() => BulkJob, {
    nullable: true,
    description: 'Admins: a bulk feed and how it goes (status, rows read, applied and failed, errors by line).',
  })
  @StaffOnly(StaffRole.ADMIN)
  async bulkJob(@Args('id', { type: () => ID }) id: string): Promise<BulkJob | null> {
    return isUuid(id) ? this.jobs.get(id) : null;
  }
}

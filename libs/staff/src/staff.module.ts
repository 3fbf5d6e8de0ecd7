import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { LocationsModule } from '@app/locations';
import { StaffEntity } from './entities/staff.entity.js';
import { AuditEntryStaffResolver } from './resolvers/audit-entry-staff.resolver.js';
import { StaffResolver } from './resolvers/staff.resolver.js';
import { StaffService } from './services/staff.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([StaffEntity]), LocationsModule, AuditModule],
  providers: [StaffService, StaffResolver, AuditEntryStaffResolver],
  exports: [StaffService],
})
export class StaffModule implements OnApplicationBootstrap {
  constructor(private readonly staff: StaffService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.staff.ensureBootstrapAdmin();
  }
}

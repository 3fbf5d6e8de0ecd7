import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntryEntity } from './entities/audit-entry.entity.js';
import { AuditLogResolver } from './resolvers/audit-log.resolver.js';
import { AuditLog } from './services/audit-log.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([AuditEntryEntity])],
  providers: [AuditLog, AuditLogResolver],
  exports: [AuditLog],
})
export class AuditModule {}

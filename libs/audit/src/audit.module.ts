import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntryEntity } from './entities/audit-entry.entity.js';
import { AuditLog } from './services/audit-log.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([AuditEntryEntity])],
  providers: [AuditLog],
  exports: [AuditLog],
})
export class AuditModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { LocationEntity } from './entities/location.entity.js';
import { LocationsResolver } from './resolvers/locations.resolver.js';
import { LocationsService } from './services/locations.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([LocationEntity]), AuditModule],
  providers: [LocationsService, LocationsResolver],
  exports: [LocationsService],
})
export class LocationsModule {}

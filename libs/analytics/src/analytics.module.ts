import { Module } from '@nestjs/common';
import { LocationsModule } from '@app/locations';
import { ReportsResolver } from './resolvers/reports.resolver.js';
import { SalesReportService } from './services/sales-report.service.js';

/** Read-only reports over the order tables (a reporting read model: it queries them, it never writes). */
@Module({
  imports: [LocationsModule],
  providers: [SalesReportService, ReportsResolver],
})
export class AnalyticsModule {}

import { Module } from '@nestjs/common';
import { LocationsModule } from '@app/locations';
import { OrdersModule } from '@app/orders';
import { ReturnsModule } from '@app/returns';
import { ReportsResolver, ReturnsReportRowResolver } from './resolvers/reports.resolver.js';
import { SalesReportService } from './services/sales-report.service.js';

/** Read-only reports over the orders' sales figures (SalesFacts: the orders domain writes the SQL over its tables). */
@Module({
  imports: [LocationsModule, OrdersModule, ReturnsModule],
  providers: [SalesReportService, ReportsResolver, ReturnsReportRowResolver],
})
export class AnalyticsModule {}

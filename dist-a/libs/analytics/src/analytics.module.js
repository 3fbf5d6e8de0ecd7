var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
import { Module } from '@nestjs/common';
import { LocationsModule } from '../../locations/src/index.js';
import { ReportsResolver } from './resolvers/reports.resolver.js';
import { SalesReportService } from './services/sales-report.service.js';
/** Read-only reports over the order tables (a reporting read model: it queries them, it never writes). */
let AnalyticsModule = class AnalyticsModule {
};
AnalyticsModule = __decorate([
    Module({
        imports: [LocationsModule],
        providers: [SalesReportService, ReportsResolver],
    })
], AnalyticsModule);
export { AnalyticsModule };
//# sourceMappingURL=analytics.module.js.map
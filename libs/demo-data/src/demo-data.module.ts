import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { BulkLoader } from './bulk-loader.service.js';
import { DemoDataService } from './demo-data.service.js';

@Module({
  providers: [BulkLoader, DemoDataService],
  exports: [BulkLoader, DemoDataService],
})
export class DemoDataModule implements OnApplicationBootstrap {
  constructor(
    private readonly demo: DemoDataService,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.seedDemoData) await this.demo.loadIfEmpty();
  }
}

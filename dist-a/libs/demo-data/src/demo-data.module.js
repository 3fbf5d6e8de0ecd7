var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Module } from '@nestjs/common';
import { AppConfig } from '../../config/src/index.js';
import { BulkLoader } from './bulk-loader.service.js';
import { DemoDataService } from './demo-data.service.js';
let DemoDataModule = class DemoDataModule {
    demo;
    config;
    constructor(demo, config) {
        this.demo = demo;
        this.config = config;
    }
    async onApplicationBootstrap() {
        if (this.config.seedDemoData)
            await this.demo.loadIfEmpty();
    }
};
DemoDataModule = __decorate([
    Module({
        providers: [BulkLoader, DemoDataService],
        exports: [BulkLoader, DemoDataService],
    }),
    __metadata("design:paramtypes", [DemoDataService,
        AppConfig])
], DemoDataModule);
export { DemoDataModule };
//# sourceMappingURL=demo-data.module.js.map
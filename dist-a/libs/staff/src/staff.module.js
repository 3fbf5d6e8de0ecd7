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
import { TypeOrmModule } from '@nestjs/typeorm';
import { LocationsModule } from '../../locations/src/index.js';
import { StaffEntity } from './entities/staff.entity.js';
import { StaffResolver } from './resolvers/staff.resolver.js';
import { StaffService } from './services/staff.service.js';
let StaffModule = class StaffModule {
    staff;
    constructor(staff) {
        this.staff = staff;
    }
    async onApplicationBootstrap() {
        await this.staff.ensureBootstrapAdmin();
    }
};
StaffModule = __decorate([
    Module({
        imports: [TypeOrmModule.forFeature([StaffEntity]), LocationsModule],
        providers: [StaffService, StaffResolver],
        exports: [StaffService],
    }),
    __metadata("design:paramtypes", [StaffService])
], StaffModule);
export { StaffModule };
//# sourceMappingURL=staff.module.js.map
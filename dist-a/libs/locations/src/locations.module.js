var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LocationEntity } from './entities/location.entity.js';
import { LocationsResolver } from './resolvers/locations.resolver.js';
import { LocationsService } from './services/locations.service.js';
let LocationsModule = class LocationsModule {
};
LocationsModule = __decorate([
    Module({
        imports: [TypeOrmModule.forFeature([LocationEntity])],
        providers: [LocationsService, LocationsResolver],
        exports: [LocationsService],
    })
], LocationsModule);
export { LocationsModule };
//# sourceMappingURL=locations.module.js.map
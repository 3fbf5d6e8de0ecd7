var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AppConfig } from './app-config.service.js';
import { validateEnv } from './env.js';
let AppConfigModule = class AppConfigModule {
};
AppConfigModule = __decorate([
    Global(),
    Module({
        // `load` runs when the module is instantiated (not when this file is imported), so the settings are
        // those of process.env at start; a bad value throws there, naming the variable.
        imports: [ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => ({ ...validateEnv(process.env) })] })],
        providers: [AppConfig],
        exports: [AppConfig],
    })
], AppConfigModule);
export { AppConfigModule };
//# sourceMappingURL=config.module.js.map
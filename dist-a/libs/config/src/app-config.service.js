var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DEV_JWT_SECRET, Env } from './env.js';
/** Typed, read-only access to the validated settings. */
let AppConfig = class AppConfig {
    config;
    constructor(config) {
        this.config = config;
    }
    get(key) {
        return this.config.get(key, { infer: true });
    }
    get jwtSecret() {
        return this.get('JWT_SECRET') ?? DEV_JWT_SECRET;
    }
    get seedDemoData() {
        return this.get('SEED_DEMO_DATA') ?? !this.isProduction;
    }
    get isProduction() {
        return this.get('NODE_ENV') === 'production';
    }
    get graphqlIntrospection() {
        return this.get('GRAPHQL_INTROSPECTION') ?? !this.isProduction;
    }
    get graphqlPlayground() {
        return this.get('GRAPHQL_PLAYGROUND') ?? !this.isProduction;
    }
    /** CORS_ORIGINS as `'*'`, a list of origins, or undefined (no CORS headers at all). */
    get corsOrigins() {
        const raw = this.get('CORS_ORIGINS');
        if (!raw)
            return undefined;
        return raw.trim() === '*' ? '*' : raw.split(',').map((o) => o.trim());
    }
};
AppConfig = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [ConfigService])
], AppConfig);
export { AppConfig };
//# sourceMappingURL=app-config.service.js.map
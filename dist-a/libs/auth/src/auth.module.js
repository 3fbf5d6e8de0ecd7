var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '../../config/src/index.js';
import { StaffGuard } from './auth.decorators.js';
import { PasswordHasher } from './password-hasher.js';
import { RequestContextFactory } from './request-context.factory.js';
import { LoginThrottleGuard } from './throttling/login-throttle.guard.js';
import { TokenService } from './token.service.js';
let AuthModule = class AuthModule {
};
AuthModule = __decorate([
    Global(),
    Module({
        imports: [
            JwtModule.registerAsync({
                inject: [AppConfig],
                useFactory: (config) => ({ secret: config.jwtSecret, signOptions: { algorithm: 'HS256', issuer: 'commerce-api' }, verifyOptions: { issuer: 'commerce-api' } }),
            }),
        ],
        providers: [TokenService, PasswordHasher, RequestContextFactory, StaffGuard, LoginThrottleGuard],
        exports: [TokenService, PasswordHasher, RequestContextFactory, StaffGuard, LoginThrottleGuard],
    })
], AuthModule);
export { AuthModule };
//# sourceMappingURL=auth.module.js.map
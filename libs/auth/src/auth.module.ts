import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '@app/config';
import { StaffGuard } from './auth.decorators.js';
import { PasswordHasher } from './password-hasher.js';
import { RequestContextFactory } from './request-context.factory.js';
import { LoginThrottleGuard } from './throttling/login-throttle.guard.js';
import { TokenService } from './token.service.js';

@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ secret: config.jwtSecret, signOptions: { algorithm: 'HS256', issuer: 'commerce-api' }, verifyOptions: { issuer: 'commerce-api' } }),
    }),
  ],
  providers: [TokenService, PasswordHasher, RequestContextFactory, StaffGuard, LoginThrottleGuard],
  exports: [TokenService, PasswordHasher, RequestContextFactory, StaffGuard, LoginThrottleGuard],
})
export class AuthModule {}

import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { ServiceSecrets } from '@app/common';
import { StaffGuard } from './auth.decorators.js';
import { PasswordHasher } from './password-hasher.js';
import { RequestContextFactory } from './request-context.factory.js';
import { SessionResolver } from './sessions/session.resolver.js';
import { Sessions } from './sessions/sessions.js';
import { SignInThrottle } from './throttling/sign-in-throttle.js';
import { SignInThrottleInterceptor } from './throttling/sign-in-throttle.interceptor.js';
import { TokenService } from './token.service.js';

@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [ServiceSecrets],
      useFactory: (secrets: ServiceSecrets) => ({
        secret: secrets.jwt,
        signOptions: { algorithm: 'HS256', issuer: 'commerce-api' },
        verifyOptions: { issuer: 'commerce-api' },
      }),
    }),
  ],
  providers: [TokenService, Sessions, PasswordHasher, RequestContextFactory, StaffGuard, SignInThrottle, SignInThrottleInterceptor],
  exports: [TokenService, Sessions, PasswordHasher, RequestContextFactory, StaffGuard, SignInThrottle, SignInThrottleInterceptor],
})
export class AuthModule {}

/** The GraphQL side of auth (an account's own sessions), for the API only: the worker has no schema. */
@Module({ providers: [SessionResolver] })
export class SessionsApiModule {}

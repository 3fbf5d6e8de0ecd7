import { type ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { GqlContextType } from '@nestjs/graphql';

/**
 * The one global exception filter.
 *
 * GraphQL: rethrows untouched. Without it Nest's default handler ("ExceptionsHandler") logs every
 * expected refusal a resolver or guard throws (UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT…) at error
 * level with a stack. Apollo's formatError decides what the client sees, and the request-id plugin of
 * graphql.config.ts logs the unexpected ones, once, with the request id.
 *
 * HTTP: Nest's default filter.
 */
@Catch()
export class AppExceptionsFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType<GqlContextType>() === 'graphql') throw exception;
    return super.catch(exception, host);
  }
}

import { type ArgumentsHost, Catch, HttpException } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { GqlContextType } from '@nestjs/graphql';
import type { Response } from 'express';
import { ErrorCode } from '@app/common';

/** What body-parser attaches to the errors it raises (the http-errors shape). */
interface ParserError {
  type: string;
  status: number;
  limit?: number;
}

const parserErrorOf = (e: unknown): ParserError | undefined => {
  const cause = e instanceof HttpException ? e.cause : undefined;
  return cause && typeof (cause as ParserError).type === 'string' && typeof (cause as ParserError).status === 'number'
    ? (cause as ParserError)
    : undefined;
};

/**
 * The one global exception filter.
 *
 * GraphQL: rethrows untouched. Without it Nest's default handler ("ExceptionsHandler") logs every
 * expected refusal a resolver or guard throws (UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT…) at error
 * level with a stack. Apollo's formatError decides what the client sees, and the request-id plugin of
 * graphql.config.ts logs the unexpected ones, once, with the request id.
 *
 * HTTP: a body the parser refused (too large, not JSON) is answered in the GraphQL error shape with a
 * stable code (413 PAYLOAD_TOO_LARGE, 400 BAD_REQUEST), without the parser's own wording. Everything
 * else goes to Nest's default filter (the /health 503 body, 404s).
 */
@Catch()
export class AppExceptionsFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType<GqlContextType>() === 'graphql') throw exception;
    const parser = parserErrorOf(exception);
    if (!parser) return super.catch(exception, host);
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    const tooLarge = parser.status === 413;
    const message = tooLarge
      ? `Request body is larger than the limit${parser.limit ? ` of ${Math.round(parser.limit / 1024)} kB` : ''}`
      : parser.type === 'entity.parse.failed'
        ? 'Request body is not valid JSON'
        : (exception as HttpException).message;
    res
      .status(parser.status)
      .json({ errors: [{ message, extensions: { code: tooLarge ? ErrorCode.PAYLOAD_TOO_LARGE : ErrorCode.BAD_REQUEST } }] });
  }
}

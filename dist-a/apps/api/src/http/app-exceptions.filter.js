var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
import { Catch, HttpException } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { ErrorCode } from '../../../../libs/common/src/index.js';
const parserErrorOf = (e) => {
    const cause = e instanceof HttpException ? e.cause : undefined;
    return cause && typeof cause.type === 'string' && typeof cause.status === 'number' ? cause : undefined;
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
let AppExceptionsFilter = class AppExceptionsFilter extends BaseExceptionFilter {
    catch(exception, host) {
        if (host.getType() === 'graphql')
            throw exception;
        const parser = parserErrorOf(exception);
        if (!parser)
            return super.catch(exception, host);
        const res = host.switchToHttp().getResponse();
        if (res.headersSent)
            return;
        const tooLarge = parser.status === 413;
        const message = tooLarge
            ? `Request body is larger than the limit${parser.limit ? ` of ${Math.round(parser.limit / 1024)} kB` : ''}`
            : parser.type === 'entity.parse.failed' ? 'Request body is not valid JSON' : exception.message;
        res.status(parser.status).json({ errors: [{ message, extensions: { code: tooLarge ? ErrorCode.PAYLOAD_TOO_LARGE : ErrorCode.BAD_REQUEST } }] });
    }
};
AppExceptionsFilter = __decorate([
    Catch()
], AppExceptionsFilter);
export { AppExceptionsFilter };
//# sourceMappingURL=app-exceptions.filter.js.map
import { GraphQLError } from 'graphql';
import { ErrorCode } from './error-codes.js';
/** A thrown GraphQL error with a stable `extensions.code` (access and shape failures). */
export class ApiError extends GraphQLError {
    constructor(code, message, extra = {}) {
        super(message, { extensions: { code, ...extra } });
    }
}
export const unauthenticated = (message = 'Sign in to do this') => new ApiError(ErrorCode.UNAUTHENTICATED, message);
export const forbidden = (message = 'You are not allowed to do this') => new ApiError(ErrorCode.FORBIDDEN, message);
export const notFound = (what) => new ApiError(ErrorCode.NOT_FOUND, `${what} not found`);
export const badInput = (message, field) => new ApiError(ErrorCode.BAD_USER_INPUT, message, field ? { field } : {});
/**
 * An expected business refusal raised inside a unit of work. Throwing it rolls the transaction back;
 * the resolver turns it into the payload's `userErrors`, so a refused request changes nothing.
 */
export class BusinessError extends Error {
    code;
    field;
    constructor(code, message, field) {
        super(message);
        this.code = code;
        this.field = field;
    }
}
//# sourceMappingURL=api-errors.js.map
import { describe, expect, it } from '@jest/globals';
import { ForbiddenException } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { ApiError } from './api-errors.js';
import { ErrorCode } from './error-codes.js';
import { expectedCode, formatError } from './format-error.js';

const located = (original: Error) =>
  new GraphQLError(original.message, { path: ['products'], originalError: original, extensions: (original as GraphQLError).extensions });

describe('formatError', () => {
  it('passes an expected refusal through without its stack', () => {
    const err = located(new ApiError(ErrorCode.FORBIDDEN, 'Not yours'));
    const out = formatError(
      { message: 'Not yours', path: ['products'], extensions: { code: 'FORBIDDEN', stacktrace: ['at x'] } },
      err,
      false,
    );
    expect(out).toEqual({ message: 'Not yours', path: ['products'], locations: undefined, extensions: { code: 'FORBIDDEN' } });
    expect(expectedCode(err)).toBe('FORBIDDEN');
  });

  it('hides an unexpected error outside development: no message, stack or SQL, only the request id', () => {
    const sql = Object.assign(new Error('relation "product" does not exist'), { query: 'SELECT * FROM product' });
    const err = located(sql);
    expect(expectedCode(err)).toBeUndefined();
    const out = formatError({ message: sql.message, path: ['products'], extensions: { stacktrace: ['at y'] } }, err, false, 'req-1');
    expect(out).toEqual({
      message: 'Internal server error (request req-1)',
      path: ['products'],
      locations: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-1' },
    });
    expect(formatError({ message: sql.message }, err, true).message).toBe(sql.message);
  });

  it('maps Nest HTTP exceptions to our codes, without their response body', () => {
    const err = located(new ForbiddenException('no'));
    expect(
      formatError({ message: 'no', extensions: { code: 'FORBIDDEN', originalError: { statusCode: 403 } } }, err, false).extensions,
    ).toEqual({ code: 'FORBIDDEN' });
  });

  it('passes protocol codes, and refuses to pass an unknown one', () => {
    expect(expectedCode(new GraphQLError('x', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }))).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(expectedCode(new GraphQLError('x', { extensions: { code: 'SOMETHING_ELSE' } }))).toBeUndefined();
    expect(expectedCode(new GraphQLError('x', { extensions: { code: 'INTERNAL_SERVER_ERROR' } }))).toBeUndefined();
  });
});

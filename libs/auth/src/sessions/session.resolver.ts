import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { BusinessError, ErrorCode, payload, unauthenticated } from '@app/common';
import { Ctx } from '../auth.decorators.js';
import type { RequestContext } from '../caller.js';
import { PasswordHasher } from '../password-hasher.js';
import { TokenService } from '../token.service.js';
import { SignInRateLimited } from '../throttling/sign-in-throttle.interceptor.js';
import type { AccountKind } from './account-store.js';
import { PasswordChangeInput, PasswordChangePayload, SignOutPayload } from './session.models.js';
import { Sessions } from './sessions.js';

/** The signed-in account's own sessions, for customers and staff alike. */
@Resolver()
export class SessionResolver {
  constructor(
    private readonly sessions: Sessions,
    private readonly tokens: TokenService,
    private readonly hasher: PasswordHasher,
  ) {}

  @Mutation(() => PasswordChangePayload, {
    description:
      'The signed-in customer or staff member changes their password (INVALID_CREDENTIALS if currentPassword is wrong; ' +
      'rate limited like sign-in). Every other token of the account stops working at once.',
  })
  @SignInRateLimited('caller')
  async passwordChange(@Ctx() ctx: RequestContext, @Args('input') input: PasswordChangeInput): Promise<PasswordChangePayload> {
    const [kind, id] = account(ctx);
    const store = this.sessions.store(kind);
    const p = await payload('token', async () => {
      if (!(await this.hasher.verify(input.currentPassword, await store.passwordHash(id)))) {
        throw new BusinessError(ErrorCode.INVALID_CREDENTIALS, 'The current password is wrong', ['currentPassword']);
      }
      const state = await store.endSessions(id, await this.hasher.hash(input.newPassword));
      return this.tokens.sign(kind, id, state.version);
    });
    return { token: p.token, userErrors: p.userErrors };
  }

  @Mutation(() => SignOutPayload, {
    description: 'Ends every session of the signed-in account: all its tokens stop working at once, in every process.',
  })
  async signOut(@Ctx() ctx: RequestContext): Promise<SignOutPayload> {
    const [kind, id] = account(ctx);
    await this.sessions.store(kind).endSessions(id);
    return { signedOut: true, userErrors: [] };
  }
}

function account(ctx: RequestContext): [AccountKind, string] {
  if (ctx.caller.kind === 'staff') return ['staff', ctx.caller.staffId];
  if (ctx.caller.kind === 'customer') return ['customer', ctx.caller.customerId];
  throw unauthenticated();
}

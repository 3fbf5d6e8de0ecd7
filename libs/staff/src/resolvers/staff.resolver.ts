import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext, SignInRateLimited } from '@app/auth';
import { payload } from '@app/common';
import { Location, LocationsService, toLocation } from '@app/locations';
import { StaffCreateInput, StaffLoginInput, StaffUpdateInput } from '../dto/staff.inputs.js';
import { Staff, StaffLoginPayload, StaffPayload } from '../models/staff.model.js';
import { StaffService } from '../services/staff.service.js';

@Resolver(() => Staff)
export class StaffResolver {
  constructor(
    private readonly staff: StaffService,
    private readonly locations: LocationsService,
  ) {}

  @Mutation(() => StaffLoginPayload, {
    description:
      'After several wrong passwords for one email, each attempt waits longer (RATE_LIMITED, HTTP 429, Retry-After); ' +
      'also limited per client address.',
  })
  @SignInRateLimited()
  async staffLogin(@Args('input') input: StaffLoginInput): Promise<StaffLoginPayload> {
    const p = await payload('session', () => this.staff.login(input));
    return { token: p.session?.token ?? null, staff: p.session ? Staff.from(p.session.staff) : null, userErrors: p.userErrors };
  }

  @Mutation(() => StaffPayload, { description: 'Admins add anyone; managers add associates to their own store.' })
  staffCreate(@Ctx() ctx: RequestContext, @Args('input') input: StaffCreateInput): Promise<StaffPayload> {
    return payload('staff', async () => Staff.from(await this.staff.create(ctx.caller, input)));
  }

  @Mutation(() => StaffPayload, {
    description: "Admins: change a member's name, role, home store or active flag. A new role or store applies to their very next request.",
  })
  staffUpdate(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: StaffUpdateInput,
  ): Promise<StaffPayload> {
    return payload('staff', async () => Staff.from(await this.staff.update(ctx.caller, id, input)));
  }

  @Mutation(() => StaffPayload, {
    description:
      'Admins (managers: associates of their store). The member cannot sign in, and their tokens stop working at once (UNAUTHENTICATED).',
  })
  staffDeactivate(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<StaffPayload> {
    return payload('staff', async () => Staff.from(await this.staff.deactivate(ctx.caller, id)));
  }

  @Query(() => [Staff], {
    description:
      'Admins: the members of one location, or everyone without locationId; managers: their own location only (FORBIDDEN elsewhere). ' +
      'Deactivated members are listed too (active: false). By email.',
  })
  async staffMembers(
    @Ctx() ctx: RequestContext,
    @Args('locationId', { type: () => ID, nullable: true }) locationId?: string,
  ): Promise<Staff[]> {
    return (await this.staff.members(ctx.caller, locationId ?? null)).map((s) => Staff.from(s));
  }

  @ResolveField(() => Location, { nullable: true })
  async location(@Parent() staff: Staff, @Ctx() ctx: RequestContext): Promise<Location | null> {
    if (!staff.locationId) return null;
    const l = await this.locations.load(ctx, staff.locationId);
    return l && toLocation(l);
  }
}

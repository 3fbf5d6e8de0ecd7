import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, LoginRateLimited, type RequestContext } from '@app/auth';
import { payload } from '@app/common';
import { Location, LocationsService, toLocation } from '@app/locations';
import { StaffCreateInput, StaffLoginInput } from '../dto/staff.inputs.js';
import { Staff, StaffLoginPayload, StaffPayload } from '../models/staff.model.js';
import { StaffService } from '../services/staff.service.js';

@Resolver(() => Staff)
export class StaffResolver {
  constructor(
    private readonly staff: StaffService,
    private readonly locations: LocationsService,
  ) {}

  @Mutation(() => StaffLoginPayload, { description: 'Rate limited per email and per client address (RATE_LIMITED).' })
  @LoginRateLimited()
  async staffLogin(@Args('input') input: StaffLoginInput): Promise<StaffLoginPayload> {
    const p = await payload('session', () => this.staff.login(input));
    return { token: p.session?.token ?? null, staff: p.session ? Staff.from(p.session.staff) : null, userErrors: p.userErrors };
  }

  @Mutation(() => StaffPayload, { description: 'Admins add anyone; managers add associates to their own store.' })
  staffCreate(@Ctx() ctx: RequestContext, @Args('input') input: StaffCreateInput): Promise<StaffPayload> {
    return payload('staff', async () => Staff.from(await this.staff.create(ctx.caller, input)));
  }

  @ResolveField(() => Location, { nullable: true })
  async location(@Parent() staff: Staff, @Ctx() ctx: RequestContext): Promise<Location | null> {
    if (!staff.locationId) return null;
    const l = await this.locations.load(ctx, staff.locationId);
    return l && toLocation(l);
  }
}

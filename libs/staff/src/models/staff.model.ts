import { Field, ID, ObjectType } from '@nestjs/graphql';
import { StaffRole } from '@app/auth';
import { UserError } from '@app/common';
import { StaffEntity } from '../entities/staff.entity.js';

@ObjectType({ description: 'A member of staff: role and home location decide what they may do.' })
export class Staff {
  @Field(() => ID) id: string;
  @Field(() => String) email: string;
  @Field(() => String, { nullable: true }) name: string | null;
  @Field(() => StaffRole) role: StaffRole;
  @Field(() => Boolean, { description: 'false: deactivated; cannot sign in, and tokens issued before stopped working.' }) active: boolean;
  locationId: string | null;

  static from(e: StaffEntity): Staff {
    return Object.assign(new Staff(), { id: e.id, email: e.email, name: e.name, role: e.role, active: e.active, locationId: e.locationId });
  }
}

@ObjectType()
export class StaffLoginPayload {
  @Field(() => String, { nullable: true }) token: string | null;
  @Field(() => Staff, { nullable: true }) staff: Staff | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType()
export class StaffPayload {
  @Field(() => Staff, { nullable: true }) staff: Staff | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

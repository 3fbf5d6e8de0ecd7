import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { StaffRole } from '@app/auth';

@InputType()
export class StaffLoginInput {
  @Field(() => String)
  @IsString()
  @MaxLength(254)
  email: string;

  @Field(() => String)
  @IsString()
  @MaxLength(200)
  password: string;
}

@InputType()
export class StaffCreateInput {
  @Field(() => String)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @Field(() => String)
  @IsString()
  @Length(10, 200, { message: 'password must be 10 to 200 characters' })
  password: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @Field(() => StaffRole)
  @IsIn(Object.values(StaffRole))
  role: StaffRole;

  @Field(() => ID, { nullable: true, description: 'Home location; required for associates and managers.' })
  @IsOptional()
  @IsUUID('all', { message: 'locationId must be a location id' })
  locationId?: string;
}

@InputType({ description: 'What to change; a field left out stays as it is.' })
export class StaffUpdateInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @Field(() => StaffRole, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(StaffRole))
  role?: StaffRole;

  @Field(() => ID, { nullable: true, description: 'New home location (null: none, for admins).' })
  @IsOptional()
  @IsUUID('all', { message: 'locationId must be a location id' })
  locationId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'false deactivates (as staffDeactivate); true lets the member sign in again.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

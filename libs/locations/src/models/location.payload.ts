import { Field, ObjectType } from '@nestjs/graphql';
import { UserError } from '@app/common';
import { Location } from './location.model.js';

@ObjectType()
export class LocationPayload {
  @Field(() => Location, { nullable: true }) location: Location | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { WebhookEventType } from '../webhook-event-type.js';

// The URL's form (http or https, absolute) is a business check: INVALID_URL in userErrors (webhook-url.ts).
@InputType()
export class WebhookEndpointCreateInput {
  @Field(() => String) @IsString() @MaxLength(4096) url: string;
  @Field(() => [WebhookEventType], { description: 'At least one.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsEnum(WebhookEventType, { each: true })
  events: WebhookEventType[];
}

@InputType({ description: 'What to change; omitted fields stay. `active: true` re-enables a disabled endpoint.' })
export class WebhookEndpointUpdateInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(4096) url?: string | null;
  @Field(() => [WebhookEventType], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsEnum(WebhookEventType, { each: true })
  events?: WebhookEventType[] | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() active?: boolean | null;
}

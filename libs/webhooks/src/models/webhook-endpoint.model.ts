import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { UserError } from '@app/common';
import type { WebhookEndpointRow } from '../services/webhook-endpoints.service.js';
import { WebhookEventType } from '../webhook-event-type.js';

@ObjectType({ description: "A retailer's URL that receives signed events (admins). Its secret is shown once, at creation." })
export class WebhookEndpoint {
  @Field(() => ID) id: string;
  @Field(() => String) url: string;
  @Field(() => [WebhookEventType]) events: WebhookEventType[];
  @Field(() => Boolean, {
    description:
      'False once disabled (after WEBHOOK_DISABLE_AFTER_FAILURES failed attempts in a row, or by an admin): nothing is sent or queued for it.',
  })
  active: boolean;
  @Field(() => Int, { description: 'Failed attempts in a row; a received delivery sets it back to 0.' })
  consecutiveFailures: number;
  @Field(() => GraphQLISODateTime, { nullable: true }) disabledAt: Date | null;
  @Field(() => String, { nullable: true }) disabledReason: string | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;

  static from(r: WebhookEndpointRow): WebhookEndpoint {
    return Object.assign(new WebhookEndpoint(), r);
  }
}

@ObjectType()
export class WebhookEndpointPayload {
  @Field(() => WebhookEndpoint, { nullable: true }) endpoint: WebhookEndpoint | null;
  @Field(() => String, { nullable: true, description: 'The signing secret: only in the answer of webhookEndpointCreate, never again.' })
  secret: string | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '@app/common';
import type { DeliveryAttemptRow } from '../services/webhook-delivery-log.service.js';
import { WebhookEventType } from '../webhook-event-type.js';

@ObjectType({ description: 'One attempt to deliver one event to an endpoint.' })
export class WebhookDeliveryAttempt {
  @Field(() => ID) id: string;
  @Field(() => ID, { description: "The event's id: the body's `id`, the same on every retry." }) eventId: string;
  @Field(() => WebhookEventType) eventType: WebhookEventType;
  @Field(() => GraphQLISODateTime) attemptedAt: Date;
  @Field(() => Int, { nullable: true, description: "The endpoint's HTTP status; null when it did not answer." }) statusCode: number | null;
  @Field(() => String, { nullable: true, description: 'Why it failed: no answer, a timeout, a status other than 2xx.' })
  error: string | null;
  @Field(() => Int) durationMs: number;
  @Field(() => Boolean, { description: 'The endpoint answered 2xx.' }) succeeded: boolean;

  static from(r: DeliveryAttemptRow): WebhookDeliveryAttempt {
    const { micros: _, ...fields } = r;
    return Object.assign(new WebhookDeliveryAttempt(), fields, { eventType: r.eventType as WebhookEventType });
  }
}

@ObjectType()
export class WebhookDeliveryEdge {
  @Field(() => String) cursor: string;
  @Field(() => WebhookDeliveryAttempt) node: WebhookDeliveryAttempt;
}

@ObjectType({ description: "An endpoint's delivery attempts, newest first (keyset: cursors stay valid as attempts are added)." })
export class WebhookDeliveryConnection {
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => [WebhookDeliveryEdge]) edges: WebhookDeliveryEdge[];
}

import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { toInt } from './env-transforms.js';
import { PaymentsEnv } from './payments.env.js';

/** The settings of outgoing webhooks (libs/webhooks). Part of Env. */
export class WebhooksEnv extends PaymentsEnv {
  /** How long one POST to an endpoint may take (connect, send, answer) before it counts as failed. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60000)
  WEBHOOK_TIMEOUT_MS = 10000;

  /**
   * Failed attempts in a row (any event) after which an endpoint is disabled: nothing more is sent to it
   * and new events are not queued for it until an admin re-enables it (`webhookEndpointUpdate` active: true).
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  WEBHOOK_DISABLE_AFTER_FAILURES = 20;

  /**
   * How long each process keeps the list of event types some active endpoint wants (the checkout reads it
   * to skip the outbox INSERT when nobody listens). A change drops it at once in every process (an event);
   * this bounds a lost event. 0 reads it from the database for each event.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(600000)
  WEBHOOK_ENDPOINT_CACHE_MS = 10000;
}

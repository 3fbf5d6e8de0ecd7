import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext, requireStaff, StaffOnly, StaffRole } from '@app/auth';
import { pageSize, payload } from '@app/common';
import { WebhookEndpointCreateInput, WebhookEndpointUpdateInput } from '../dto/webhook-endpoint.input.js';
import { WebhookDeliveryAttempt, WebhookDeliveryConnection } from '../models/webhook-delivery.model.js';
import { WebhookEndpoint, WebhookEndpointPayload } from '../models/webhook-endpoint.model.js';
import { WebhookDeliveryLog } from '../services/webhook-delivery-log.service.js';
import { WebhookEndpoints } from '../services/webhook-endpoints.service.js';

@Resolver(() => WebhookEndpoint)
export class WebhookEndpointsResolver {
  constructor(
    private readonly endpoints: WebhookEndpoints,
    private readonly log: WebhookDeliveryLog,
  ) {}

  @Query(() => [WebhookEndpoint], { description: 'Admins: every webhook endpoint, oldest first.' })
  @StaffOnly(StaffRole.ADMIN)
  async webhookEndpoints(): Promise<WebhookEndpoint[]> {
    return (await this.endpoints.list()).map((e) => WebhookEndpoint.from(e));
  }

  @Query(() => WebhookDeliveryConnection, { description: "Admins: an endpoint's delivery attempts, newest first." })
  @StaffOnly(StaffRole.ADMIN)
  async webhookDeliveries(
    @Args('endpointId', { type: () => ID }) endpointId: string,
    @Args('first', { type: () => Int, description: '1 to 100' }) first: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<WebhookDeliveryConnection> {
    pageSize(first); // a bad page size is refused whatever the endpoint
    await this.endpoints.find(endpointId);
    const page = await this.log.page(endpointId, first, after);
    return {
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.rows.at(-1)?.cursor ?? null },
      edges: page.rows.map((r) => ({ cursor: r.cursor, node: WebhookDeliveryAttempt.from(r.attempt) })),
    };
  }

  @Mutation(() => WebhookEndpointPayload, {
    description: 'Admins: a new endpoint. The answer holds its signing `secret`, shown this once. Audited as WEBHOOK_ENDPOINT_CREATED.',
  })
  @StaffOnly(StaffRole.ADMIN)
  async webhookEndpointCreate(
    @Ctx() ctx: RequestContext,
    @Args('input') input: WebhookEndpointCreateInput,
  ): Promise<WebhookEndpointPayload> {
    let secret: string | null = null;
    const p = await payload('endpoint', async () => {
      const created = await this.endpoints.create(requireStaff(ctx.caller), input);
      secret = created.secret;
      return WebhookEndpoint.from(created.endpoint);
    });
    return { ...p, secret };
  }

  @Mutation(() => WebhookEndpointPayload, {
    description: 'Admins: change an endpoint (omitted fields stay); `active: true` re-enables it and sends what it has pending. Audited.',
  })
  @StaffOnly(StaffRole.ADMIN)
  async webhookEndpointUpdate(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: WebhookEndpointUpdateInput,
  ): Promise<WebhookEndpointPayload> {
    const p = await payload('endpoint', async () => WebhookEndpoint.from(await this.endpoints.update(requireStaff(ctx.caller), id, input)));
    return { ...p, secret: null };
  }

  @Mutation(() => WebhookEndpointPayload, {
    description: 'Admins: delete an endpoint, its pending deliveries and its log; the answer is the endpoint as it was. Audited.',
  })
  @StaffOnly(StaffRole.ADMIN)
  async webhookEndpointDelete(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<WebhookEndpointPayload> {
    const p = await payload('endpoint', async () => WebhookEndpoint.from(await this.endpoints.delete(requireStaff(ctx.caller), id)));
    return { ...p, secret: null };
  }
}

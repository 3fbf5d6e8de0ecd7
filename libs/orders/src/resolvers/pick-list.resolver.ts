import { Args, Field, GraphQLISODateTime, ID, Int, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext, StaffOnly } from '@app/auth';
import { notFound } from '@app/common';
import { CatalogueService, ProductVariant, toVariant } from '@app/catalogue';
import { PickList } from '../services/pick-list.service.js';

@ObjectType({ description: 'Units of one variant to take from the shelf, and the fulfilments they are for.' })
export class PickListItem {
  @Field(() => Int) quantity: number;
  @Field(() => [ID], {
    description: 'The fulfilments these units serve, soonest due first (a pickup by its readyBy, a delivery when ordered).',
  })
  fulfillmentIds: string[];
  @Field(() => GraphQLISODateTime, { description: 'When the oldest order waiting for this variant was placed.' }) oldestOrderAt: Date;
  variantId: string;
}

@Resolver(() => PickListItem)
export class PickListResolver {
  constructor(
    private readonly list: PickList,
    private readonly catalogue: CatalogueService,
  ) {}

  @Query(() => [PickListItem], {
    description:
      'Staff of the location (or admins): what to take from the shelf now for pickups to prepare there and shipments to send from there, by variant, the oldest order first.',
  })
  @StaffOnly()
  async pickList(@Ctx() ctx: RequestContext, @Args('locationId', { type: () => ID }) locationId: string): Promise<PickListItem[]> {
    return (await this.list.forLocation(ctx, locationId)).map((r) => Object.assign(new PickListItem(), r));
  }

  @ResolveField(() => ProductVariant)
  async variant(@Parent() item: PickListItem, @Ctx() ctx: RequestContext): Promise<ProductVariant> {
    const v = await this.catalogue.loadVariant(ctx, item.variantId);
    if (!v) throw notFound('Variant');
    return toVariant(v);
  }
}

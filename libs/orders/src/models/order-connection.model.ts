import { Field, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '@app/common';
import { Order } from './order.model.js';

@ObjectType()
export class OrderEdge {
  @Field(() => String) cursor: string;
  @Field(() => Order) node: Order;
}

@ObjectType({ description: 'Orders newest first, a page at a time (keyset: cursors stay valid as orders arrive).' })
export class OrderConnection {
  @Field(() => Int, { description: 'Every order the filter matches, over all pages.' }) totalCount: number;
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => [OrderEdge]) edges: OrderEdge[];
}

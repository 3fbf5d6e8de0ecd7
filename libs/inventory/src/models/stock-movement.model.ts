import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '@app/common';

@ObjectType({ description: 'One change to a stock level, as the ledger recorded it.' })
export class StockMovement {
  @Field(() => ID) id: string;
  @Field(() => String, {
    description: 'ADJUSTMENT, RESERVATION, RELEASE, SHIPMENT, COLLECTION, TRANSFER_IN, UNSELLABLE, WRITE_OFF, COUNT, …',
  })
  type: string;
  @Field(() => Int) onHandDelta: number;
  @Field(() => Int) reservedDelta: number;
  @Field(() => Int) unsellableDelta: number;
  @Field(() => Int) safetyStockDelta: number;
  @Field(() => Int) incomingDelta: number;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field(() => String, { nullable: true, description: 'What caused it: the number of the order, for its movements.' }) reference:
    string | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
}

@ObjectType()
export class StockMovementEdge {
  @Field(() => String) cursor: string;
  @Field(() => StockMovement) node: StockMovement;
}

@ObjectType({ description: "A level's ledger, newest first, a page at a time." })
export class StockMovementConnection {
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => [StockMovementEdge]) edges: StockMovementEdge[];
}

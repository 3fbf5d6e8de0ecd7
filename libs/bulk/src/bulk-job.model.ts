import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class BulkRowError {
  @Field(() => Int, { description: 'The line of the feed (1 is a CSV header).' }) line: number;
  @Field(() => String) message: string;
}

@ObjectType({ description: 'A bulk feed posted over HTTP, applied in the background in batches.' })
export class BulkJob {
  @Field(() => ID) id: string;
  @Field(() => String, { description: 'QUEUED, RUNNING, COMPLETED, or FAILED when the feed could not be read.' }) status: string;
  @Field(() => String) kind: string;
  @Field(() => Int) rowsRead: number;
  @Field(() => Int) rowsApplied: number;
  @Field(() => Int) rowsFailed: number;
  @Field(() => [BulkRowError], { description: 'The first 1000 rows that could not be applied, by line.' }) errors: BulkRowError[];
  @Field(() => String, { nullable: true }) message: string | null;
}

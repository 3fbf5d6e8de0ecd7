import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { AuditEntryEntity } from '../entities/audit-entry.entity.js';

@ObjectType({ description: 'One recorded back-office change: what was done, by whom, to what, from what to what.' })
export class AuditEntry {
  @Field(() => ID) id: string;
  @Field(() => String, { description: 'e.g. LOCATION_UPDATED, PROMOTION_UPDATED, CUSTOMER_ERASED' }) action: string;
  @Field(() => String, { description: 'The GraphQL type of what changed, e.g. Location.' }) subjectType: string;
  @Field(() => String, { nullable: true }) subjectId: string | null;
  @Field(() => String, { nullable: true, description: 'The changed values before, as JSON text (an object).' }) before: string | null;
  @Field(() => String, { nullable: true, description: 'The changed values after, as JSON text (an object).' }) after: string | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  /** Who did it; null for a background job or a customer's own change. The staff lib resolves `staff`. */
  staffId: string | null;

  static from(e: AuditEntryEntity): AuditEntry {
    return Object.assign(new AuditEntry(), {
      id: e.id,
      action: e.action,
      subjectType: e.subjectType,
      subjectId: e.subjectId,
      before: e.before === null ? null : JSON.stringify(e.before),
      after: e.after === null ? null : JSON.stringify(e.after),
      createdAt: e.createdAt,
      staffId: e.staffId,
    });
  }
}

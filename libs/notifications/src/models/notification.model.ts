import { Field, GraphQLISODateTime, ObjectType, registerEnumType } from '@nestjs/graphql';
import { NotificationChannel, type NotificationEntity } from '../entities/notification.entity.js';

registerEnumType(NotificationChannel, { name: 'NotificationChannel' });

@ObjectType({ description: 'A message about an order, recorded when the change it reports happened; `status` tells if it was sent.' })
export class Notification {
  @Field(() => NotificationChannel) channel: NotificationChannel;
  @Field(() => String) template: string;
  @Field(() => String) recipient: string;
  @Field(() => String, { description: 'PENDING, SENT or FAILED' }) status: string;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) sentAt: Date | null;

  static from(e: NotificationEntity): Notification {
    return Object.assign(new Notification(), {
      channel: e.channel,
      template: e.template,
      recipient: e.recipient,
      status: e.status,
      createdAt: e.createdAt,
      sentAt: e.sentAt,
    });
  }
}

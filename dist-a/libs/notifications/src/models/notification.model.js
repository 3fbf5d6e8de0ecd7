var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var Notification_1;
import { Field, GraphQLISODateTime, ObjectType, registerEnumType } from '@nestjs/graphql';
import { NotificationChannel } from '../entities/notification.entity.js';
registerEnumType(NotificationChannel, { name: 'NotificationChannel' });
let Notification = Notification_1 = class Notification {
    channel;
    template;
    recipient;
    status;
    createdAt;
    sentAt;
    static from(e) {
        return Object.assign(new Notification_1(), { channel: e.channel, template: e.template, recipient: e.recipient, status: e.status, createdAt: e.createdAt, sentAt: e.sentAt });
    }
};
__decorate([
    Field(() => NotificationChannel),
    __metadata("design:type", String)
], Notification.prototype, "channel", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], Notification.prototype, "template", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], Notification.prototype, "recipient", void 0);
__decorate([
    Field(() => String, { description: 'PENDING, SENT or FAILED' }),
    __metadata("design:type", String)
], Notification.prototype, "status", void 0);
__decorate([
    Field(() => GraphQLISODateTime),
    __metadata("design:type", Date)
], Notification.prototype, "createdAt", void 0);
__decorate([
    Field(() => GraphQLISODateTime, { nullable: true }),
    __metadata("design:type", Object)
], Notification.prototype, "sentAt", void 0);
Notification = Notification_1 = __decorate([
    ObjectType({ description: 'A message about an order, recorded when the change it reports happened; `status` tells if it was sent.' })
], Notification);
export { Notification };
//# sourceMappingURL=notification.model.js.map
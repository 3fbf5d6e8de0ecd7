var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
export var NotificationChannel;
(function (NotificationChannel) {
    NotificationChannel["EMAIL"] = "EMAIL";
    NotificationChannel["SMS"] = "SMS";
})(NotificationChannel || (NotificationChannel = {}));
export var NotificationTemplate;
(function (NotificationTemplate) {
    NotificationTemplate["ORDER_CONFIRMED"] = "ORDER_CONFIRMED";
    NotificationTemplate["READY_FOR_PICKUP"] = "READY_FOR_PICKUP";
    NotificationTemplate["PICKUP_REMINDER"] = "PICKUP_REMINDER";
    NotificationTemplate["PICKUP_EXPIRED"] = "PICKUP_EXPIRED";
    NotificationTemplate["SHIPPED"] = "SHIPPED";
    NotificationTemplate["ORDER_CANCELLED"] = "ORDER_CANCELLED";
})(NotificationTemplate || (NotificationTemplate = {}));
/** One message to one recipient: an outbox row, written with the change it reports, sent by the dispatcher. */
let NotificationEntity = class NotificationEntity {
    id;
    orderId;
    fulfillmentId;
    template;
    channel;
    recipient;
    payload;
    status;
    attempts;
    notBefore;
    sentAt;
    createdAt;
};
__decorate([
    PrimaryGeneratedColumn('identity', { type: 'bigint' }),
    __metadata("design:type", String)
], NotificationEntity.prototype, "id", void 0);
__decorate([
    Column('uuid', { name: 'order_id' }),
    __metadata("design:type", String)
], NotificationEntity.prototype, "orderId", void 0);
__decorate([
    Column('uuid', { name: 'fulfillment_id', nullable: true }),
    __metadata("design:type", Object)
], NotificationEntity.prototype, "fulfillmentId", void 0);
__decorate([
    Column('varchar'),
    __metadata("design:type", String)
], NotificationEntity.prototype, "template", void 0);
__decorate([
    Column('varchar'),
    __metadata("design:type", String)
], NotificationEntity.prototype, "channel", void 0);
__decorate([
    Column('varchar'),
    __metadata("design:type", String)
], NotificationEntity.prototype, "recipient", void 0);
__decorate([
    Column('jsonb'),
    __metadata("design:type", Object)
], NotificationEntity.prototype, "payload", void 0);
__decorate([
    Column('varchar'),
    __metadata("design:type", String)
], NotificationEntity.prototype, "status", void 0);
__decorate([
    Column('integer'),
    __metadata("design:type", Number)
], NotificationEntity.prototype, "attempts", void 0);
__decorate([
    Column('timestamptz', { name: 'not_before' }),
    __metadata("design:type", Date)
], NotificationEntity.prototype, "notBefore", void 0);
__decorate([
    Column('timestamptz', { name: 'sent_at', nullable: true }),
    __metadata("design:type", Object)
], NotificationEntity.prototype, "sentAt", void 0);
__decorate([
    CreateDateColumn({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], NotificationEntity.prototype, "createdAt", void 0);
NotificationEntity = __decorate([
    Entity('notification')
], NotificationEntity);
export { NotificationEntity };
//# sourceMappingURL=notification.entity.js.map
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
/**
 * A discount code: a percentage or an amount off the cart, on some channels, in a time window, above a
 * minimum subtotal, up to a number of uses. `times_used` only grows at checkout, with a guarded update.
 */
let PromotionEntity = class PromotionEntity {
    id;
    /** As created; matched without regard to case. */
    code;
    percentOff;
    amountOff;
    /** Currency of amount_off and min_subtotal. */
    currency;
    /** Null: every channel. */
    channels;
    startsAt;
    endsAt;
    minSubtotal;
    usageLimit;
    timesUsed;
    createdAt;
};
__decorate([
    PrimaryGeneratedColumn('uuid'),
    __metadata("design:type", String)
], PromotionEntity.prototype, "id", void 0);
__decorate([
    Column('varchar'),
    __metadata("design:type", String)
], PromotionEntity.prototype, "code", void 0);
__decorate([
    Column('integer', { name: 'percent_off', nullable: true }),
    __metadata("design:type", Object)
], PromotionEntity.prototype, "percentOff", void 0);
__decorate([
    Column('integer', { name: 'amount_off', nullable: true }),
    __metadata("design:type", Object)
], PromotionEntity.prototype, "amountOff", void 0);
__decorate([
    Column('char', { nullable: true }),
    __metadata("design:type", Object)
], PromotionEntity.prototype, "currency", void 0);
__decorate([
    Column('varchar', { array: true, nullable: true }),
    __metadata("design:type", Object)
], PromotionEntity.prototype, "channels", void 0);
__decorate([
    Column('timestamptz', { name: 'starts_at', nullable: true }),
    __metadata("design:type", Object)
], PromotionEntity.prototype, "startsAt", void 0);
__decorate([
    Column('timestamptz', { name: 'ends_at', nullable: true }),
    __metadata("design:type", Object)
], PromotionEntity.prototype, "endsAt", void 0);
__decorate([
    Column('integer', { name: 'min_subtotal', nullable: true }),
    __metadata("design:type", Object)
], PromotionEntity.prototype, "minSubtotal", void 0);
__decorate([
    Column('integer', { name: 'usage_limit', nullable: true }),
    __metadata("design:type", Object)
], PromotionEntity.prototype, "usageLimit", void 0);
__decorate([
    Column('integer', { name: 'times_used' }),
    __metadata("design:type", Number)
], PromotionEntity.prototype, "timesUsed", void 0);
__decorate([
    CreateDateColumn({ name: 'created_at', type: 'timestamptz' }),
    __metadata("design:type", Date)
], PromotionEntity.prototype, "createdAt", void 0);
PromotionEntity = __decorate([
    Entity('promotion')
], PromotionEntity);
export { PromotionEntity };
//# sourceMappingURL=promotion.entity.js.map
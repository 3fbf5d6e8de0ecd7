var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var Customer_1;
import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { UserError } from '../../../common/src/index.js';
import { CustomerEntity } from '../entities/customer.entity.js';
let Customer = Customer_1 = class Customer {
    id;
    email;
    name;
    phone;
    createdAt;
    static from(e) {
        return Object.assign(new Customer_1(), { id: e.id, email: e.email, name: e.name, phone: e.phone, createdAt: e.createdAt });
    }
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], Customer.prototype, "id", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], Customer.prototype, "email", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], Customer.prototype, "name", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], Customer.prototype, "phone", void 0);
__decorate([
    Field(() => GraphQLISODateTime),
    __metadata("design:type", Date)
], Customer.prototype, "createdAt", void 0);
Customer = Customer_1 = __decorate([
    ObjectType({ description: 'A shopper with an account. Seen by the shopper (me) and by staff.' })
], Customer);
export { Customer };
let AuthPayload = class AuthPayload {
    token;
    customer;
    userErrors;
};
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], AuthPayload.prototype, "token", void 0);
__decorate([
    Field(() => Customer, { nullable: true }),
    __metadata("design:type", Object)
], AuthPayload.prototype, "customer", void 0);
__decorate([
    Field(() => [UserError]),
    __metadata("design:type", Array)
], AuthPayload.prototype, "userErrors", void 0);
AuthPayload = __decorate([
    ObjectType()
], AuthPayload);
export { AuthPayload };
//# sourceMappingURL=customer.model.js.map
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var UserError_1;
import { Field, ObjectType } from '@nestjs/graphql';
import { BusinessError } from './api-errors.js';
let UserError = UserError_1 = class UserError {
    code;
    field;
    message;
    static from(err) {
        return Object.assign(new UserError_1(), { code: err.code, field: err.field, message: err.message });
    }
};
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], UserError.prototype, "code", void 0);
__decorate([
    Field(() => [String], { nullable: true }),
    __metadata("design:type", Array)
], UserError.prototype, "field", void 0);
__decorate([
    Field(() => String),
    __metadata("design:type", String)
], UserError.prototype, "message", void 0);
UserError = UserError_1 = __decorate([
    ObjectType({ description: 'A business refusal: a stable code, the input field it concerns, and a message for people.' })
], UserError);
export { UserError };
/**
 * Runs a mutation's work and shapes its payload: the result on success, `userErrors` on a business
 * refusal. Anything else propagates as a thrown error.
 */
export async function payload(key, work) {
    try {
        const value = await work();
        return { [key]: value, userErrors: [] };
    }
    catch (err) {
        if (err instanceof BusinessError)
            return { [key]: null, userErrors: [UserError.from(err)] };
        throw err;
    }
}
//# sourceMappingURL=user-error.model.js.map
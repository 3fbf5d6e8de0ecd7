import { registerEnumType } from '@nestjs/graphql';
export var SalesChannel;
(function (SalesChannel) {
    SalesChannel["WEB"] = "WEB";
    SalesChannel["APP"] = "APP";
    SalesChannel["STORE"] = "STORE";
})(SalesChannel || (SalesChannel = {}));
registerEnumType(SalesChannel, { name: 'SalesChannel', description: 'The client a request comes from (x-channel header).' });
export var StaffRole;
(function (StaffRole) {
    StaffRole["ASSOCIATE"] = "ASSOCIATE";
    StaffRole["MANAGER"] = "MANAGER";
    StaffRole["ADMIN"] = "ADMIN";
})(StaffRole || (StaffRole = {}));
registerEnumType(StaffRole, { name: 'StaffRole' });
export const isStaff = (c) => c.kind === 'staff';
export const isCustomer = (c) => c.kind === 'customer';
//# sourceMappingURL=caller.js.map
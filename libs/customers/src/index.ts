export * from './customers.module.js';
export * from './entities/customer.entity.js';
export * from './models/customer.model.js';
export * from './dto/customer.inputs.js';
export * from './services/customers.service.js';
export * from './services/guest-cart-merge.js';
export * from './services/customer-erasure.js';
export * from './services/phone.js';

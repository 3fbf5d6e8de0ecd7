export * from './cart.module.js';
export * from './fulfillment-type.js';
export * from './entities/cart.entity.js';
export * from './entities/cart-line.entity.js';
export * from './models/cart.model.js';
export * from './models/cart.mapper.js';
export * from './services/cart-view.js';
export * from './services/cart-access.js';
export * from './services/carts.service.js';
export * from './services/cart-pricing.service.js';
//# sourceMappingURL=index.js.map
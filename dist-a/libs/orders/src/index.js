export * from './orders.module.js';
export * from './order-enums.js';
export * from './entities/order.entity.js';
export * from './entities/fulfillment.entity.js';
export * from './entities/order-line.entity.js';
export * from './models/order.model.js';
export * from './services/checkout.service.js';
export * from './services/order-queries.service.js';
export * from './services/fulfillment-transitions.service.js';
export * from './services/fulfillment-state-machine.js';
export * from './services/expiry-sweep.service.js';
export * from './services/background-jobs.service.js';
export * from './sourcing/sourcing-strategy.js';
export * from './sourcing/sourcing.service.js';
//# sourceMappingURL=index.js.map
export * from './promotions.module.js';
export * from './entities/promotion.entity.js';
export * from './models/promotion.model.js';
export * from './services/promotions.service.js';
export * from './services/discount-rules.js';
export * from './dto/promotion-create.input.js';
export * from './dto/promotion-update.input.js';
export * from './services/promotion-sql.js';

export * from './catalogue.module.js';
export * from './entities/product.entity.js';
export * from './entities/product-variant.entity.js';
export * from './models/product.model.js';
export * from './models/catalogue.mapper.js';
export * from './dto/product-create.input.js';
export * from './services/catalogue.service.js';

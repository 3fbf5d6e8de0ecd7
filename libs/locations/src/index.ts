export * from './locations.module.js';
export * from './entities/location.entity.js';
export * from './models/location.model.js';
export * from './models/location.mapper.js';
export * from './dto/location-create.input.js';
export * from './services/locations.service.js';
export * from './services/iso-duration.js';
export * from './services/location-sql.js';

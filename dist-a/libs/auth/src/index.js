export * from './caller.js';
export * from './access.js';
export * from './auth.decorators.js';
export * from './password-hasher.js';
export * from './token.service.js';
export * from './request-context.factory.js';
export * from './auth.module.js';
export * from './throttling/login-throttle.guard.js';
//# sourceMappingURL=index.js.map
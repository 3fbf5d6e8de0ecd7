export { MetricsModule } from './metrics.module.js';
export { MetricsService } from './metrics.service.js';
export { graphqlMetricsPlugin } from './graphql-metrics.plugin.js';
export { httpMetricsMiddleware } from './http-metrics.middleware.js';
export { OperationLabels, codeLabel } from './operation-labels.js';
//# sourceMappingURL=index.js.map
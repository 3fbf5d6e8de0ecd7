import 'reflect-metadata';
import cluster from 'node:cluster';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { createValidationPipe } from '../../../libs/common/src/index.js';
import { AppConfig, validateEnv } from '../../../libs/config/src/index.js';
import { AppModule } from './app.module.js';
import { runApiWorkers } from './cluster/api-workers.js';
import { configureHttp } from './http/http-hardening.js';
import { connections, drainOnSignals } from './shutdown/graceful-shutdown.js';
/** Creates the application with its global pipes and shutdown hooks, not yet listening (tests use this too). */
export async function createApp() {
    const app = await NestFactory.create(AppModule, { bufferLogs: true });
    configureApp(app);
    return app;
}
export function configureApp(app) {
    app.useLogger(app.get(Logger));
    app.use(connections.track);
    configureHttp(app);
    app.useGlobalPipes(createValidationPipe());
}
async function main() {
    const app = await createApp();
    const port = app.get(AppConfig).get('PORT');
    await app.listen(port);
    drainOnSignals(app, app.getHttpServer(), (msg) => app.get(Logger).log(msg));
    app.get(Logger).log(`GraphQL at http://127.0.0.1:${port}/graphql, health at /health and /health/ready, metrics at /metrics`);
}
/** One process, or with API_WORKERS above 1 a primary that only forks and watches the workers. */
function start() {
    const workers = validateEnv(process.env).API_WORKERS;
    if (workers > 1 && cluster.isPrimary) {
        runApiWorkers(workers, (msg) => process.stdout.write(`${JSON.stringify({ level: 30, time: Date.now(), pid: process.pid, msg })}\n`));
        return Promise.resolve();
    }
    return main();
}
if (import.meta.url === `file://${process.argv[1]}`) {
    start().catch((err) => {
        // The logger may not exist yet (bad configuration): print plainly and fail.
        process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
        process.exit(1);
    });
}
//# sourceMappingURL=main.js.map
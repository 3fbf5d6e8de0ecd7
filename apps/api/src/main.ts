import 'reflect-metadata';
import cluster from 'node:cluster';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { createValidationPipe, errorMessage } from '@app/common';
import { AppConfig, validateEnv } from '@app/config';
import { AppModule } from './app.module.js';
import { runApiWorkers } from './cluster/api-workers.js';
import { PrototypedExpressAdapter } from './http/express-adapter.js';
import { configureHttp } from './http/http-hardening.js';
import { connections, drainOnSignals } from './shutdown/graceful-shutdown.js';

/** Creates the application with its global pipes and shutdown hooks, not yet listening (tests use this too). */
export async function createApp(): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, new PrototypedExpressAdapter(), { bufferLogs: true });
  configureApp(app);
  return app;
}

export function configureApp(app: NestExpressApplication): void {
  app.useLogger(app.get(Logger));
  app.use(connections.track);
  configureHttp(app);
  app.useGlobalPipes(createValidationPipe());
}

async function main(): Promise<void> {
  const app = await createApp();
  const port = app.get(AppConfig).get('PORT');
  await app.listen(port);
  drainOnSignals(app, app.getHttpServer(), (msg) => app.get(Logger).log(msg));
  app.get(Logger).log(`GraphQL at http://127.0.0.1:${port}/graphql, health at /health and /health/ready, metrics at /metrics`);
}

/** One process, or with API_WORKERS above 1 a primary that only forks and watches the workers. */
function start(): Promise<void> {
  const workers = validateEnv(process.env).API_WORKERS;
  if (workers > 1 && cluster.isPrimary) {
    runApiWorkers(workers, (msg) => process.stdout.write(`${JSON.stringify({ level: 30, time: Date.now(), pid: process.pid, msg })}\n`));
    return Promise.resolve();
  }
  return main();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  start().catch((err: unknown) => {
    // The logger may not exist yet (bad configuration): print plainly and fail.
    process.stderr.write(`${errorMessage(err)}\n`);
    process.exit(1);
  });
}

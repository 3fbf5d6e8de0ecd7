import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { createValidationPipe } from '@app/common';
import { AppConfig } from '@app/config';
import { AppModule } from './app.module.js';
import { configureHttp } from './http/http-hardening.js';
import { connections, drainOnSignals } from './shutdown/graceful-shutdown.js';

/** Creates the application with its global pipes and shutdown hooks, not yet listening (tests use this too). */
export async function createApp(): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true });
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

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err) => {
    // The logger may not exist yet (bad configuration): print plainly and fail.
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}

import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { errorMessage } from '@app/common';
import { OrdersModule } from '@app/orders';
import { PlatformModule } from '@app/platform';

/** The background work without the HTTP API: the expiry sweep, the notification outbox and the webhook senders (through OrdersModule). */
@Module({
  imports: [PlatformModule, OrdersModule],
})
class WorkerModule {}

/**
 * `npm run start:worker`: runs the jobs whatever BACKGROUND_JOBS says (API processes then set it to
 * false). Safe next to other workers and API processes; SIGTERM lets the run in progress finish.
 */
async function main(): Promise<void> {
  process.env.BACKGROUND_JOBS = 'true';
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  const logger = app.get(Logger);
  logger.log('worker running: expiry sweep, notification outbox and webhook deliveries');
  const stop = async (signal: string) => {
    logger.log(`${signal}: finishing the run in progress`);
    await app.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`${errorMessage(err)}\n`);
  process.exit(1);
});

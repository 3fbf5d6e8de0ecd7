var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { OrdersModule } from '../../../libs/orders/src/index.js';
import { PlatformModule } from '../../api/src/platform.module.js';
/** The background work without the HTTP API: the expiry sweep and the notification outbox. */
let WorkerModule = class WorkerModule {
};
WorkerModule = __decorate([
    Module({
        imports: [PlatformModule, OrdersModule],
    })
], WorkerModule);
/**
 * `npm run start:worker`: runs the jobs whatever BACKGROUND_JOBS says (API processes then set it to
 * false). Safe next to other workers and API processes; SIGTERM lets the run in progress finish.
 */
async function main() {
    process.env.BACKGROUND_JOBS = 'true';
    const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
    app.useLogger(app.get(Logger));
    const logger = app.get(Logger);
    logger.log('worker running: expiry sweep and notification outbox');
    const stop = async (signal) => {
        logger.log(`${signal}: finishing the run in progress`);
        await app.close();
        process.exit(0);
    };
    process.once('SIGTERM', () => void stop('SIGTERM'));
    process.once('SIGINT', () => void stop('SIGINT'));
}
main().catch((err) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
});
//# sourceMappingURL=main.js.map
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var BackgroundJobs_1;
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../../config/src/index.js';
import { NotificationDispatcher } from '../../../notifications/src/index.js';
import { ExpirySweep } from './expiry-sweep.service.js';
/**
 * Runs the expiry sweep and the notification outbox every BACKGROUND_INTERVAL_MS in this process (unless
 * BACKGROUND_JOBS=false). Each job is safe to run in several processes at once; a run never overlaps the
 * previous one of the same process, and shutdown waits for the run in progress.
 */
let BackgroundJobs = BackgroundJobs_1 = class BackgroundJobs {
    config;
    sweep;
    dispatcher;
    logger = new Logger(BackgroundJobs_1.name);
    timer;
    running;
    stopped = false;
    constructor(config, sweep, dispatcher) {
        this.config = config;
        this.sweep = sweep;
        this.dispatcher = dispatcher;
    }
    onApplicationBootstrap() {
        if (!this.config.get('BACKGROUND_JOBS'))
            return;
        const every = this.config.get('BACKGROUND_INTERVAL_MS');
        const tick = () => {
            if (this.stopped)
                return;
            this.running = this.runOnce().finally(() => {
                if (!this.stopped)
                    this.timer = setTimeout(tick, every);
            });
        };
        this.timer = setTimeout(tick, every);
    }
    async runOnce() {
        try {
            await this.sweep.run();
            await this.dispatcher.dispatchDue();
        }
        catch (err) {
            this.logger.warn(`background jobs: ${err.message}`);
        }
    }
    // Before the database closes (onApplicationShutdown), so the run in progress can finish.
    async onModuleDestroy() {
        this.stopped = true;
        clearTimeout(this.timer);
        await this.running;
    }
};
BackgroundJobs = BackgroundJobs_1 = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [AppConfig,
        ExpirySweep,
        NotificationDispatcher])
], BackgroundJobs);
export { BackgroundJobs };
//# sourceMappingURL=background-jobs.service.js.map
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { errorMessage } from '@app/common';
import { AppConfig } from '@app/config';
import { WebhookDispatcher } from './webhook-dispatcher.service.js';

/** Batches one run may send before it yields to the next tick (a backlog drains without holding shutdown long). */
const BATCHES_PER_RUN = 10;

/**
 * Runs the webhook senders every BACKGROUND_INTERVAL_MS in each process that runs background jobs (the
 * API unless BACKGROUND_JOBS=false, and `npm run start:worker`). Its own loop, beside the orders' jobs, so
 * a slow endpoint (up to WEBHOOK_TIMEOUT_MS) never delays the pickup expiry or the notifications. Safe
 * in several processes at once (leases); shutdown waits for the run in progress.
 */
@Injectable()
export class WebhookJobs implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WebhookJobs.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly config: AppConfig,
    private readonly dispatcher: WebhookDispatcher,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.get('BACKGROUND_JOBS')) return;
    const every = this.config.get('BACKGROUND_INTERVAL_MS');
    const tick = () => {
      if (this.stopped) return;
      this.running = this.runOnce().finally(() => {
        if (!this.stopped) this.timer = setTimeout(tick, every);
      });
    };
    this.timer = setTimeout(tick, every);
  }

  async runOnce(): Promise<void> {
    try {
      for (let i = 0; i < BATCHES_PER_RUN && !this.stopped; i++) if ((await this.dispatcher.deliverDue()) === 0) break;
    } catch (err) {
      this.logger.warn(`webhook deliveries: ${errorMessage(err)}`);
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}

import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { errorMessage } from '@app/common';
import { AppConfig } from '@app/config';
import { NotificationDispatcher } from '@app/notifications';
import { PaymentsService } from '@app/payments';
import { ExpirySweep } from './expiry-sweep.service.js';

const REPAIR_EVERY_MS = 30_000;

/**
 * Runs the expiry sweep, the notification outbox and (every REPAIR_EVERY_MS) the payments' repair every BACKGROUND_INTERVAL_MS in this process (unless
 * BACKGROUND_JOBS=false). Each job is safe to run in several processes at once; a run never overlaps the
 * previous one of the same process, and shutdown waits for the run in progress.
 */
@Injectable()
export class BackgroundJobs implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(BackgroundJobs.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly config: AppConfig,
    private readonly sweep: ExpirySweep,
    private readonly dispatcher: NotificationDispatcher,
    private readonly payments: PaymentsService,
  ) {}

  /** When the payments were last repaired: a rare job (a crash, a provider down), not one for every tick. */
  private repairedAt = 0;

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
      await this.sweep.run();
      await this.dispatcher.dispatchDue();
      if (Date.now() - this.repairedAt >= REPAIR_EVERY_MS) {
        this.repairedAt = Date.now();
        await this.payments.repair();
      }
    } catch (err) {
      this.logger.warn(`background jobs: ${errorMessage(err)}`);
    }
  }

  // Before the database closes (onApplicationShutdown), so the run in progress can finish.
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}

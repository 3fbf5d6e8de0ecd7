import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { errorMessage } from '@app/common';
import { AppConfig } from '@app/config';
import { NotificationDispatcher } from '@app/notifications';
import { ExpirySweep } from './expiry-sweep.service.js';

/**
 * Runs the expiry sweep and the notification outbox every BACKGROUND_INTERVAL_MS in this process (unless
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
      await this.sweep.run();
      await this.dispatcher.dispatchDue();
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

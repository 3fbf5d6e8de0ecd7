import { Injectable, Logger } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { AppConfig } from '@app/config';
import type { Message } from './templates.js';

/** Email through nodemailer: SMTP when SMTP_URL is set, otherwise a JSON transport whose output is logged. */
@Injectable()
export class EmailSender {
  private readonly logger = new Logger(EmailSender.name);
  private readonly transport: Transporter;
  private readonly from: string;
  private readonly toLog: boolean;

  constructor(config: AppConfig) {
    const url = config.get('SMTP_URL');
    this.toLog = !url;
    this.transport = url ? createTransport(url) : createTransport({ jsonTransport: true });
    this.from = config.get('MAIL_FROM');
  }

  async send(to: string, message: Message): Promise<void> {
    const info = await this.transport.sendMail({ from: this.from, to, subject: message.subject, text: message.text });
    if (this.toLog) this.logger.log({ to, subject: message.subject }, 'email (no SMTP_URL: logged, not sent)');
    void info;
  }
}

/** The SMS provider's edge. Adapters: an HTTP webhook, or the log. */
export abstract class SmsSender {
  abstract send(to: string, text: string): Promise<void>;
}

export class WebhookSmsSender extends SmsSender {
  constructor(private readonly url: string) {
    super();
  }

  async send(to: string, text: string): Promise<void> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ to, text }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`SMS webhook answered HTTP ${res.status}`);
  }
}

export class LogSmsSender extends SmsSender {
  private readonly logger = new Logger('SmsSender');

  async send(to: string, text: string): Promise<void> {
    this.logger.log({ to, length: text.length }, 'sms (no SMS_WEBHOOK_URL: logged, not sent)');
  }
}

var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var EmailSender_1;
import { Injectable, Logger } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import { AppConfig } from '../../../config/src/index.js';
/** Email through nodemailer: SMTP when SMTP_URL is set, otherwise a JSON transport whose output is logged. */
let EmailSender = EmailSender_1 = class EmailSender {
    logger = new Logger(EmailSender_1.name);
    transport;
    from;
    toLog;
    constructor(config) {
        const url = config.get('SMTP_URL');
        this.toLog = !url;
        this.transport = url ? createTransport(url) : createTransport({ jsonTransport: true });
        this.from = config.get('MAIL_FROM');
    }
    async send(to, message) {
        const info = await this.transport.sendMail({ from: this.from, to, subject: message.subject, text: message.text });
        if (this.toLog)
            this.logger.log({ to, subject: message.subject }, 'email (no SMTP_URL: logged, not sent)');
        void info;
    }
};
EmailSender = EmailSender_1 = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [AppConfig])
], EmailSender);
export { EmailSender };
/** The SMS provider's edge. Adapters: an HTTP webhook, or the log. */
export class SmsSender {
}
export class WebhookSmsSender extends SmsSender {
    url;
    constructor(url) {
        super();
        this.url = url;
    }
    async send(to, text) {
        const res = await fetch(this.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ to, text }), signal: AbortSignal.timeout(10_000) });
        if (!res.ok)
            throw new Error(`SMS webhook answered HTTP ${res.status}`);
    }
}
export class LogSmsSender extends SmsSender {
    logger = new Logger('SmsSender');
    async send(to, text) {
        this.logger.log({ to, length: text.length }, 'sms (no SMS_WEBHOOK_URL: logged, not sent)');
    }
}
//# sourceMappingURL=senders.js.map
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { TelegramSender } from '../notifications/telegram-sender';
import type { BudgetAlertSender } from './budgets.service';

/**
 * The notifications module's rate-limited TelegramSender, found when the first warning is sent: that module exists
 * only with the bot on (NotificationsModule.forRoot), and BudgetsModule stays one static module for the REST API and
 * the bot alike. Without it (`available()` false) no warning is claimed, so none is lost.
 */
@Injectable()
export class TelegramBudgetAlertSender implements BudgetAlertSender {
  private sender: TelegramSender | null | undefined;

  constructor(private readonly modules: ModuleRef) {}

  available(): boolean {
    if (this.sender === undefined) {
      try {
        this.sender = this.modules.get(TelegramSender, { strict: false });
      } catch {
        this.sender = null;
      }
    }
    return this.sender !== null;
  }

  async send(chatId: string, text: string): Promise<unknown> {
    if (!this.available()) throw new Error('The bot is off: no sender');
    return this.sender!.send(chatId, text);
  }
}

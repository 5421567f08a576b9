import { Injectable, Logger } from '@nestjs/common';
import { DomainError } from '../../../common/errors/domain-error';
import { CategoriesService } from '../../categories/categories.service';
import { categoriesText, learnedTexts } from '../../categories/learned.texts';
import { User } from '../../users/user.entity';
import { decodeForget } from '../keyboards/callback-data';
import { learnedKeyboard } from '../keyboards/categories.keyboards';
import type { CallbackInput, CallbackReply, InlineReply } from '../replies';

/**
 * /categories in the bot: the user's own categories and the words learned from their corrections, each with a ✖
 * button that forgets it (docs/learning.md). Plain values in, replies out.
 */
@Injectable()
export class CategoriesBot {
  private readonly logger = new Logger(CategoriesBot.name);

  constructor(private readonly categories: CategoriesService) {}

  async command(user: User): Promise<InlineReply> {
    this.logger.log(`Handled /categories: chat_id=${user.telegramChatId}, user_id=${user.id}`);
    return this.view(user);
  }

  /** A ✖ press: forgets the word, then shows the list as it is now (also when the word was already gone). */
  async onCallback(user: User, input: CallbackInput): Promise<CallbackReply> {
    const t = learnedTexts(user.language);
    const id = decodeForget(input.data);
    if (!id) return { answer: { text: t.gone, alert: true } };
    let answer: CallbackReply['answer'];
    try {
      answer = { text: t.forgotten(await this.categories.forgetLearned(user.id, id)) };
      this.logger.log(
        `Learned word forgotten: update_id=${input.updateId}, chat_id=${input.chatId}, user_id=${user.id}, id=${id}`,
      );
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'not_found') throw error;
      answer = { text: t.gone, alert: true };
    }
    const view = await this.view(user);
    return { answer, edit: { text: view.text, markup: view.markup } };
  }

  private async view(user: User): Promise<InlineReply> {
    const [all, learned] = await Promise.all([
      this.categories.list(user.id),
      this.categories.listLearned(user.id, user.language),
    ]);
    const own = all.filter((c) => !c.isDefault).map((c) => ({ type: c.type, name: c.name }));
    const text = categoriesText(
      user.language,
      own,
      learned.map((l) => ({ keyword: l.keyword, type: l.type, categoryName: l.categoryName })),
    );
    return { text, markup: learnedKeyboard(user.language, learned) };
  }
}

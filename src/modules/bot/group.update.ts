import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Context } from 'telegraf';
import type { User as TgUser } from 'telegraf/types';
import { GroupPerson, GroupsBot } from './flows/groups.bot';
import { answerCallback, reply } from './infra/send-reply';
import { UpdateGuard } from './infra/update-guard';
import { GROUP_LINK_CALLBACK } from './keyboards/callback-data';

function person(from: TgUser): GroupPerson {
  return { id: from.id, firstName: from.first_name, languageCode: from.language_code };
}

/**
 * Telegram handlers for group chats (docs/households.md, "Group chats"): the update guard hands every group and
 * supergroup update here (inside its duplicate guard and error boundary), so none reaches the private-chat handlers
 * of BotUpdate. Each takes the plain values, calls GroupsBot, sends what it returns. Messages other than text (voice,
 * photos, edits) are left alone in groups.
 */
@Injectable()
export class GroupUpdate implements OnModuleInit {
  constructor(
    private readonly guard: UpdateGuard,
    private readonly groups: GroupsBot,
  ) {}

  onModuleInit(): void {
    this.guard.routeGroupsTo((ctx) => this.handle(ctx));
  }

  async handle(ctx: Context): Promise<void> {
    const chatId = ctx.chat!.id;
    if (ctx.myChatMember) {
      const m = ctx.myChatMember;
      const answer = await this.groups.membership(
        chatId,
        person(m.from),
        m.old_chat_member.status,
        m.new_chat_member.status,
      );
      if (answer) await reply(ctx, answer);
      return;
    }
    if (ctx.callbackQuery) {
      const data = 'data' in ctx.callbackQuery ? ctx.callbackQuery.data : undefined;
      if (data === GROUP_LINK_CALLBACK)
        await answerCallback(ctx, await this.groups.onLinkPress(chatId, person(ctx.callbackQuery.from)));
      else await ctx.answerCbQuery();
      return;
    }
    const m = ctx.message;
    if (!m || !('text' in m) || typeof m.text !== 'string' || !m.from || m.from.is_bot || !ctx.botInfo)
      return;
    const answer = await this.groups.onText(
      {
        chatId,
        from: person(m.from),
        text: m.text,
        entities: m.entities,
        replyToUserId: m.reply_to_message?.from?.id,
        updateId: ctx.update.update_id,
        sentAt: new Date(m.date * 1000),
      },
      { id: ctx.botInfo.id, username: ctx.botInfo.username },
    );
    if (answer) await reply(ctx, answer, m.message_id);
  }
}

import { UseFilters } from '@nestjs/common';
import { Action, Command, Ctx, On, Update } from 'nestjs-telegraf';
import type { Context, NarrowedContext } from 'telegraf';
import type { CallbackQuery, Message, Update as TgUpdate } from 'telegraf/types';
import type { User } from '../users/user.entity';
import { BotExceptionFilter } from './bot.exception-filter';
import { BotReportsService } from './flows/bot.reports';
import { BotService } from './flows/bot.service';
import { BudgetsBot } from './flows/budgets.bot';
import { CategoriesBot } from './flows/categories.bot';
import { FamilyBot } from './flows/family.bot';
import { PlansBot } from './flows/plans.bot';
import { RecurringBot } from './flows/recurring.bot';
import { RECURRING_CALLBACK_RE } from '../recurring/recurring.buttons';
import {
  CAPTIONED,
  commandArgument,
  editedText,
  MEDIA_KINDS,
  mediaKind,
  MessageContext,
  voiceNote,
} from './infra/read-update';
import { answerCallback, answerEdit, reply, sendFileReply } from './infra/send-reply';
import { updateSender } from './infra/update-sender';
import {
  FAMILY_CALLBACK_RE,
  LEARNED_CALLBACK_RE,
  PLAN_CALLBACK_RE,
  REPORT_CALLBACK_RE,
} from './keyboards/callback-data';
import { BUDGET_CALLBACK_RE } from './keyboards/callback-data';
import type { CallbackInput, CallbackReply, FileReply, Reply } from './replies';
import { needStartText } from './texts/bot.texts';

/**
 * The commands the bot answers in a private chat, each with the BotUpdate method that answers it (/help and the menu
 * list each one: texts/bot.commands.spec.ts).
 */
const COMMAND_HANDLERS: Record<
  string,
  (bot: BotUpdate, ctx: MessageContext<Message.TextMessage>) => Promise<void>
> = {
  start: (bot, ctx) => bot.start(ctx),
  help: (bot, ctx) => bot.help(ctx),
  balance: (bot, ctx) => bot.balance(ctx),
  phone: (bot, ctx) => bot.phone(ctx),
  login: (bot, ctx) => bot.login(ctx),
  stats: (bot, ctx) => bot.stats(ctx),
  export: (bot, ctx) => bot.export(ctx),
  deletemydata: (bot, ctx) => bot.deleteMyData(ctx),
  language: (bot, ctx) => bot.language(ctx),
  currency: (bot, ctx) => bot.currency(ctx),
  app: (bot, ctx) => bot.miniApp(ctx),
  cancel: (bot, ctx) => bot.cancel(ctx),
  goals: (bot, ctx) => bot.goals(ctx),
  goal: (bot, ctx) => bot.goal(ctx),
  debts: (bot, ctx) => bot.debts(ctx),
  remind: (bot, ctx) => bot.remind(ctx),
  categories: (bot, ctx) => bot.categories(ctx),
  family: (bot, ctx) => bot.familyCommand(ctx),
  recurring: (bot, ctx) => bot.recurring(ctx),
  budget: (bot, ctx) => bot.budget(ctx),
};

/** A command's message, as telegraf's command matcher leaves it: `command` is the name without the slash. */
type CommandContext = MessageContext<Message.TextMessage> & { command: string };

/** The press of an inline button as plain values: the presser, its callback_data, the update. */
function pressOf(ctx: NarrowedContext<Context, TgUpdate.CallbackQueryUpdate<CallbackQuery>>): CallbackInput {
  const query = ctx.callbackQuery;
  return {
    chatId: updateSender(ctx).chatId,
    data: 'data' in query ? query.data : undefined,
    updateId: ctx.update.update_id,
  };
}

/** A command for registered users: runs with the user, or answers the /start hint in the sender's language. */
async function registered(
  ctx: Context,
  run: (user: User) => Reply | FileReply | Promise<Reply | FileReply>,
): Promise<void> {
  const { user, language } = updateSender(ctx);
  if (!user) return reply(ctx, { text: needStartText(language) });
  const answer = await run(user);
  return 'kind' in answer ? sendFileReply(ctx, answer) : reply(ctx, answer);
}

/** A button for registered users: runs with the user, or alerts the /start hint in the presser's language. */
async function registeredPress(ctx: Context, run: (user: User) => Promise<CallbackReply>): Promise<void> {
  const { user, language } = updateSender(ctx);
  await answerCallback(
    ctx,
    user ? await run(user) : { answer: { text: needStartText(language), alert: true } },
  );
}

/**
 * Telegram handlers: take the primitives from the update, call one use-case method, send its reply. Who sent the
 * update (their user and language) was resolved once before the handlers (infra/update-sender.ts); the commands and
 * buttons that need a registered user go through `registered` / `registeredPress`, which answer everyone else with
 * the /start hint in their language.
 * Methods are registered in this order, and an update passes every handler before the one that takes it (telegraf
 * chains them: each one passed costs a few promises and closures). So the commands come first (one handler for all of
 * them, `command`), then the catch-all text handler, which takes every other text message — the commonest update —
 * and then the handlers of other kinds of update (contacts, voice, media, edits, buttons), which never see a text
 * message; each button's handler stays ahead of the catch-all button handler (docs/benchmarks-analysis.md, issue 16;
 * bot.update.spec.ts holds the order).
 */
@Update()
@UseFilters(BotExceptionFilter)
export class BotUpdate {
  constructor(
    private readonly bot: BotService,
    private readonly reports: BotReportsService,
    private readonly plans: PlansBot,
    private readonly categoriesBot: CategoriesBot,
    private readonly family: FamilyBot,
    private readonly recurringBot: RecurringBot,
    private readonly budgetsBot: BudgetsBot,
  ) {}

  /**
   * Every command in one handler: telegraf chains the handlers, and an update passes each one ahead of its own (a few
   * promises and closures apiece), so the commands are one link instead of twenty — every text message passes them
   * on its way to the text handler (docs/benchmarks-analysis.md, issue 16). telegraf matches the name (and
   * `@<this bot>`) and sets `ctx.command`; COMMAND_HANDLERS (above) hands the message to that command's method.
   */
  @Command(Object.keys(COMMAND_HANDLERS))
  async command(@Ctx() ctx: CommandContext): Promise<void> {
    // telegraf ran this handler because the name equals one of COMMAND_HANDLERS's keys (an exact match)
    await COMMAND_HANDLERS[ctx.command](this, ctx);
  }

  /** /start; an invite link (`/start join_<token>`) then shows the invitation with its Join button. */
  async start(ctx: MessageContext<Message.TextMessage>): Promise<void> {
    await reply(ctx, await this.bot.start(updateSender(ctx)));
    const payload = commandArgument(ctx.message.text ?? '');
    if (!payload.startsWith('join_')) return;
    const invitation = await this.family.startJoinInChat(ctx.chat.id, payload.slice('join_'.length));
    if (invitation) await reply(ctx, invitation);
  }

  async help(ctx: MessageContext): Promise<void> {
    await reply(ctx, this.bot.help(updateSender(ctx)));
  }

  async balance(ctx: MessageContext): Promise<void> {
    await registered(ctx, (user) => this.bot.balance(user));
  }

  async phone(ctx: MessageContext<Message.TextMessage>): Promise<void> {
    await registered(ctx, (user) => this.bot.setPhone(user, commandArgument(ctx.message.text)));
  }

  async login(ctx: MessageContext): Promise<void> {
    await registered(ctx, (user) => this.bot.login(user));
  }

  async stats(ctx: MessageContext<Message.TextMessage>): Promise<void> {
    const at = new Date(ctx.message.date * 1000);
    await registered(ctx, (user) => this.reports.stats(user, commandArgument(ctx.message.text), at));
  }

  async export(ctx: MessageContext): Promise<void> {
    await registered(ctx, (user) => this.reports.exportCsv(user));
  }

  async deleteMyData(ctx: MessageContext): Promise<void> {
    await registered(ctx, (user) => this.reports.deleteAsk(user));
  }

  async language(ctx: MessageContext): Promise<void> {
    await registered(ctx, (user) => this.bot.chooseLanguage(user));
  }

  async currency(ctx: MessageContext): Promise<void> {
    await registered(ctx, (user) => this.bot.chooseCurrency(user));
  }

  async miniApp(ctx: MessageContext): Promise<void> {
    await reply(ctx, this.bot.miniApp(updateSender(ctx)));
  }

  async cancel(ctx: MessageContext): Promise<void> {
    await registered(ctx, (user) => this.bot.cancel(user));
  }

  async goals(ctx: MessageContext): Promise<void> {
    await registered(ctx, (user) => this.plans.goalsCommand(user, ''));
  }

  async goal(ctx: MessageContext<Message.TextMessage>): Promise<void> {
    const at = new Date(ctx.message.date * 1000);
    await registered(ctx, (user) => this.plans.goalsCommand(user, commandArgument(ctx.message.text), at));
  }

  async debts(ctx: MessageContext): Promise<void> {
    await registered(ctx, (user) => this.plans.debtsCommand(user));
  }

  async remind(ctx: MessageContext<Message.TextMessage>): Promise<void> {
    await registered(ctx, (user) => this.plans.remindCommand(user, commandArgument(ctx.message.text)));
  }

  /** /categories: own categories and learned words (its ✖ buttons, lr:…: learnedCallback below). */
  async categories(ctx: MessageContext): Promise<void> {
    await registered(ctx, (user) => this.categoriesBot.command(user));
  }

  /** /family: the household card (its buttons, hf:…: familyCallback below). */
  async familyCommand(ctx: MessageContext): Promise<void> {
    await registered(ctx, (user) => this.family.command(user));
  }

  /** /recurring (docs/recurring.md; its buttons, r…:, recurringCallback below). */
  async recurring(ctx: MessageContext): Promise<void> {
    await registered(ctx, (user) => this.recurringBot.command(user));
  }

  /** /budget (docs/budgets.md): the list with progress (its ✖ buttons, bx:…: budgetCallback below). */
  async budget(ctx: MessageContext): Promise<void> {
    await registered(ctx, (user) => this.budgetsBot.command(user));
  }

  /** Every text message that is no command: a phrase to record, a question, an answer the bot asked for. */
  @On('text')
  async text(@Ctx() ctx: MessageContext<Message.TextMessage>): Promise<void> {
    const m = ctx.message;
    // every origin kind carries the original date (telegraf's types leave it out)
    const origin = m.forward_origin as { date?: unknown } | undefined;
    const writtenAt = typeof origin?.date === 'number' ? new Date(origin.date * 1000) : undefined;
    const input = {
      ...updateSender(ctx),
      text: m.text,
      updateId: ctx.update.update_id,
      sentAt: new Date(m.date * 1000),
      messageId: m.message_id,
      writtenAt,
    };
    await reply(ctx, await this.bot.onText(input));
  }

  @On('contact')
  async contact(@Ctx() ctx: MessageContext<Message.ContactMessage>): Promise<void> {
    const { user_id, phone_number } = ctx.message.contact;
    await registered(ctx, (user) =>
      this.bot.sharedContact(user, ctx.from.id, { userId: user_id, phoneNumber: phone_number }),
    );
  }

  @On(['voice', 'audio', 'video_note'])
  async voice(
    @Ctx() ctx: MessageContext<Message.VoiceMessage | Message.AudioMessage | Message.VideoNoteMessage>,
  ): Promise<void> {
    const answer = await this.bot.voice({ ...updateSender(ctx), note: voiceNote(ctx) });
    if (answer) await reply(ctx, answer);
  }

  /** Photos, files, stickers, locations …: a caption is read as text; anything else gets what the bot understands. */
  @On([...MEDIA_KINDS])
  async media(@Ctx() ctx: MessageContext): Promise<void> {
    const m = ctx.message;
    const caption = CAPTIONED.some((kind) => kind in m) && 'caption' in m ? m.caption : undefined;
    const answer = await this.bot.media({
      ...updateSender(ctx),
      kind: mediaKind(m),
      caption,
      mediaGroupId: 'media_group_id' in m ? m.media_group_id : undefined,
      messageId: m.message_id,
      updateId: ctx.update.update_id,
      sentAt: new Date(m.date * 1000),
    });
    if (answer) await reply(ctx, answer);
  }

  /** An edited text or caption. Other edits (a live location moving) need no answer. */
  @On('edited_message')
  async edited(@Ctx() ctx: NarrowedContext<Context, TgUpdate.EditedMessageUpdate>): Promise<void> {
    const m = ctx.editedMessage;
    const text = editedText(m);
    if (text === undefined) return;
    const answer = await this.bot.onEdit({
      ...updateSender(ctx),
      messageId: m.message_id,
      text,
      updateId: ctx.update.update_id,
      sentAt: new Date(m.date * 1000),
      editedAt: new Date((m.edit_date ?? m.date) * 1000),
    });
    if (answer) await answerEdit(ctx, m.chat.id, m.message_id, answer);
  }

  @On('my_chat_member')
  async membership(@Ctx() ctx: NarrowedContext<Context, TgUpdate.MyChatMemberUpdate>): Promise<void> {
    await this.bot.membership(ctx.myChatMember.chat.id, ctx.myChatMember.new_chat_member.status);
  }

  /** The report buttons (st:…, del:…); every other button goes on to the handler below. */
  @Action(REPORT_CALLBACK_RE)
  async reportCallback(
    @Ctx() ctx: NarrowedContext<Context, TgUpdate.CallbackQueryUpdate<CallbackQuery.DataQuery>>,
  ): Promise<void> {
    const data = ctx.callbackQuery.data;
    await registeredPress(ctx, (user) => this.reports.onCallback(user, { data }));
  }

  /** Goal and debt buttons (callback_data p…:), ahead of the catch-all callback handler. */
  @Action(PLAN_CALLBACK_RE)
  async planCallback(
    @Ctx() ctx: NarrowedContext<Context, TgUpdate.CallbackQueryUpdate<CallbackQuery>>,
  ): Promise<void> {
    await registeredPress(ctx, (user) => this.plans.onCallback(user, pressOf(ctx)));
  }

  @Action(LEARNED_CALLBACK_RE)
  async learnedCallback(
    @Ctx() ctx: NarrowedContext<Context, TgUpdate.CallbackQueryUpdate<CallbackQuery>>,
  ): Promise<void> {
    await registeredPress(ctx, (user) => this.categoriesBot.onCallback(user, pressOf(ctx)));
  }

  @Action(FAMILY_CALLBACK_RE)
  async familyCallback(
    @Ctx() ctx: NarrowedContext<Context, TgUpdate.CallbackQueryUpdate<CallbackQuery>>,
  ): Promise<void> {
    await registeredPress(ctx, (user) => this.family.onCallback(user, pressOf(ctx)));
  }

  @Action(RECURRING_CALLBACK_RE)
  async recurringCallback(
    @Ctx() ctx: NarrowedContext<Context, TgUpdate.CallbackQueryUpdate<CallbackQuery>>,
  ): Promise<void> {
    await registeredPress(ctx, (user) => this.recurringBot.onCallback(user, pressOf(ctx)));
  }

  @Action(BUDGET_CALLBACK_RE)
  async budgetCallback(
    @Ctx() ctx: NarrowedContext<Context, TgUpdate.CallbackQueryUpdate<CallbackQuery>>,
  ): Promise<void> {
    await registeredPress(ctx, (user) => this.budgetsBot.onCallback(user, pressOf(ctx)));
  }

  @On('callback_query')
  async callback(
    @Ctx() ctx: NarrowedContext<Context, TgUpdate.CallbackQueryUpdate<CallbackQuery>>,
  ): Promise<void> {
    await registeredPress(ctx, (user) => this.bot.onCallback(user, pressOf(ctx)));
  }
}

/** Sending what the use cases return: a reply, a file, the answer to a button press, an edit in place. */
import { TelegramError, type Context } from 'telegraf';
import type { Message } from 'telegraf/types';
import type { EditAnswer } from '../flows/message-edits.service';
import type { CallbackReply, FileReply, Reply } from '../replies';

/** Sends the reply; `answer.sent` learns its message_id (or null when the send failed, which is then rethrown). */
export async function reply(ctx: Context, answer: Reply, replyTo?: number): Promise<void> {
  const extra = {
    ...(answer.markup ? { reply_markup: answer.markup } : {}),
    ...(replyTo !== undefined
      ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } }
      : {}),
  };
  let sent: Message.TextMessage;
  try {
    sent = await ctx.reply(answer.text, Object.keys(extra).length ? extra : undefined);
  } catch (error) {
    await answer.sent?.(null).catch(() => undefined);
    throw error;
  }
  await answer.sent?.(sent.message_id);
  if (answer.followUp)
    await ctx.reply(
      answer.followUp.text,
      answer.followUp.markup ? { reply_markup: answer.followUp.markup } : undefined,
    );
}

/**
 * The answer to an edited message: the bot's earlier reply edited in place, else (no reply known, or Telegram refuses
 * the edit: deleted, too old) a new reply to the edited message.
 */
export async function answerEdit(
  ctx: Context,
  chatId: number,
  messageId: number,
  answer: EditAnswer,
): Promise<void> {
  if (answer.editMessageId !== undefined) {
    try {
      await ctx.telegram.editMessageText(chatId, answer.editMessageId, undefined, answer.text, {
        reply_markup: answer.markup,
      });
      return;
    } catch (error) {
      if (isNotModified(error)) return;
      if (!(error instanceof TelegramError) || error.code !== 400) throw error;
    }
  }
  await reply(ctx, answer, messageId);
}

/** A file reply: a text, the stats chart as a photo (caption = the summary) or the CSV as a document. */
export async function sendFileReply(ctx: Context, answer: FileReply): Promise<void> {
  switch (answer.kind) {
    case 'text':
      return reply(ctx, answer);
    case 'photo':
      await ctx.replyWithPhoto(
        { source: answer.photo, filename: answer.filename },
        { caption: answer.caption, reply_markup: answer.markup },
      );
      return;
    case 'document':
      await ctx.replyWithDocument(
        { source: answer.document, filename: answer.filename },
        { caption: answer.caption },
      );
      return;
  }
}

/** Telegram refuses an edit that changes nothing (a repeated press); that is not a failure. */
function isNotModified(error: unknown): boolean {
  return /message is not modified/i.test(
    (error as { description?: string; message?: string })?.description ?? (error as Error)?.message ?? '',
  );
}

/**
 * Answers a button press (the toast first, so the spinner stops), then edits the message the button is under, then
 * sends the new reply if there is one.
 */
export async function answerCallback(ctx: Context, answer: CallbackReply): Promise<void> {
  await ctx.answerCbQuery(answer.answer.text, answer.answer.alert ? { show_alert: true } : undefined);
  const edit = answer.edit;
  if (edit && ctx.callbackQuery?.message) {
    const done =
      edit.text !== undefined
        ? edit.markup
          ? ctx.editMessageText(edit.text, { reply_markup: edit.markup })
          : ctx.editMessageText(edit.text)
        : ctx.editMessageReplyMarkup(edit.markup);
    await done.catch((error: unknown) => {
      if (!isNotModified(error)) throw error;
    });
  }
  if (answer.reply) await sendFileReply(ctx, answer.reply);
}

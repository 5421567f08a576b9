/** Reading the plain values the handlers need out of a Telegram update (pure, no I/O). */
import type { Context, NarrowedContext } from 'telegraf';
import type { Message, Update as TgUpdate } from 'telegraf/types';
import type { VoiceNote } from '../../voice/voice.service';
import type { MediaKind } from '../texts/edits.texts';

export type MessageContext<M extends Message = Message> = NarrowedContext<Context, TgUpdate.MessageUpdate<M>>;

/** "/phone@OvozPayBot +998 90 123 45 67" → "+998 90 123 45 67". */
export function commandArgument(text: string): string {
  return text.replace(/^\/\S+\s*/, '').trim();
}

/** The plain values of a voice, audio or video_note message. */
export function voiceNote(
  ctx: MessageContext<Message.VoiceMessage | Message.AudioMessage | Message.VideoNoteMessage>,
): VoiceNote {
  const m = ctx.message;
  const media =
    'voice' in m
      ? { kind: 'voice' as const, file: m.voice }
      : 'audio' in m
        ? { kind: 'audio' as const, file: m.audio }
        : { kind: 'video_note' as const, file: m.video_note };
  return {
    kind: media.kind,
    updateId: ctx.update.update_id,
    chatId: ctx.chat.id,
    messageId: m.message_id,
    fileId: media.file.file_id,
    fileUniqueId: media.file.file_unique_id,
    mimeType: 'mime_type' in media.file ? media.file.mime_type : undefined,
    durationSeconds: media.file.duration,
    fileSize: media.file.file_size,
    sentAt: new Date(m.date * 1000),
  };
}

/** The messages the bot cannot read as text; those that can carry a caption have it read as text. */
export const MEDIA_KINDS = [
  'photo',
  'document',
  'video',
  'animation',
  'sticker',
  'location',
  'venue',
  'poll',
  'dice',
  'game',
  'story',
] as const;
/** The kinds whose caption is read like a text message (also when it is edited). */
export const CAPTIONED = ['photo', 'document', 'video', 'animation'] as const;

export function mediaKind(m: Message): MediaKind {
  if ('animation' in m) return 'animation'; // an animation carries `document` too
  if ('venue' in m) return 'location';
  for (const kind of ['photo', 'document', 'video', 'sticker', 'location', 'poll', 'dice'] as const)
    if (kind in m) return kind;
  return 'other';
}

/** The text of an edited message: its text, or the caption ('' when removed) of a captioned kind; else undefined. */
export function editedText(m: Message): string | undefined {
  if ('text' in m) return m.text;
  if (CAPTIONED.some((kind) => kind in m)) return ('caption' in m ? m.caption : undefined) ?? '';
  return undefined;
}

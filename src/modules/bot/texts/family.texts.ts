/**
 * What the bot says about the household (/family, the invite link, its buttons; docs/households.md "Bot"), per
 * language (ru, uz Latin, en). A missing translation fails the type check. Pure; the card is drawn from plain values.
 */
import { formatMoney } from '../../../common/money';
import type { Language } from '../../../config/app-config';

/** Why an invite cannot be accepted (HouseholdsService.peekInvite / join). */
export type InviteProblem = 'unknown' | 'expired' | 'used' | 'revoked';

interface FamilyTexts {
  none: string;
  createButton: string;
  askName: string;
  askRename: string;
  badName: string;
  created: (household: string) => string;
  renamed: (household: string) => string;
  title: (household: string, currency: string) => string;
  membersTitle: string;
  ownerMark: string;
  walletLine: (on: boolean) => string;
  notifyLine: (amount: string | null) => string;
  inviteButton: string;
  renameButton: string;
  removeButton: (name: string) => string;
  transferButton: (name: string) => string;
  leaveButton: string;
  dissolveButton: string;
  walletButton: (on: boolean) => string;
  notifyButton: string;
  notifyOffButton: string;
  backButton: string;
  joinButton: string;
  revokeButton: string;
  revoked: string;
  revokeGone: string;
  invite: (link: string, hours: number) => string;
  confirmRemove: (name: string) => string;
  confirmTransfer: (name: string) => string;
  confirmLeave: (household: string) => string;
  confirmDissolve: (household: string) => string;
  yesRemove: string;
  yesTransfer: string;
  yesLeave: string;
  yesDissolve: string;
  removed: (name: string) => string;
  transferred: (name: string) => string;
  left: (household: string) => string;
  dissolved: (household: string) => string;
  walletSet: (on: boolean) => string;
  askNotify: (currency: string) => string;
  notifySet: (amount: string) => string;
  notifyOff: string;
  badAmount: (currency: string) => string;
  invitation: (inviter: string, household: string) => string;
  inviteProblem: Record<InviteProblem, string>;
  alreadyIn: (household: string) => string;
  joined: (household: string) => string;
  gone: string;
  notOwner: string;
  notMember: string;
}

const F: Record<Language, FamilyTexts> = {
  ru: {
    none: '🏠 Семьи у вас пока нет.\nСоздайте её и пригласите близких: общие траты будут в одном кошельке, а личные останутся видны только вам.',
    createButton: '➕ Создать семью',
    askName: '🏠 Как назовём семью? Напишите название (до 100 символов).\nОтмена: /cancel',
    askRename: '✏️ Напишите новое название семьи (до 100 символов).\nОтмена: /cancel',
    badName: '❌ Название — от 1 до 100 символов. Напишите другое или /cancel',
    created: (h) => `🎉 Семья «${h}» создана. Пригласите близких кнопкой «Пригласить».`,
    renamed: (h) => `✏️ Теперь семья называется «${h}».`,
    title: (h, c) => `🏠 Семья «${h}» · ${c}`,
    membersTitle: 'Участники:',
    ownerMark: 'владелец',
    walletLine: (on) => `Ваши записи по умолчанию: ${on ? 'в семью' : 'личные'}`,
    notifyLine: (a) => (a ? `Сообщать о тратах семьи больше ${a}` : 'Уведомления о тратах семьи: выключены'),
    inviteButton: '🔗 Пригласить',
    renameButton: '✏️ Переименовать',
    removeButton: (n) => `➖ Исключить ${n}`,
    transferButton: (n) => `👑 Передать ${n}`,
    leaveButton: '🚪 Выйти из семьи',
    dissolveButton: '🗑 Распустить семью',
    walletButton: (on) => `В семью по умолчанию: ${on ? 'вкл' : 'выкл'}`,
    notifyButton: '🔔 Сообщать о тратах больше…',
    notifyOffButton: '🔕 Не сообщать',
    backButton: '⬅️ Назад',
    joinButton: '✅ Вступить',
    revokeButton: '🚫 Отозвать приглашение',
    revoked: '🚫 Приглашение отозвано: по этой ссылке больше не вступить.',
    revokeGone: '⚠️ Это приглашение уже использовано, отозвано или истекло.',
    invite: (link, hours) =>
      `🔗 Ссылка-приглашение — для одного человека, действует ${hours} ч:\n${link}\nОтправьте её тому, кого приглашаете.`,
    confirmRemove: (n) => `Исключить ${n} из семьи? Личные записи останутся у ${n}.`,
    confirmTransfer: (n) => `Передать семью ${n}? Владельцем станет ${n}, вы останетесь участником.`,
    confirmLeave: (h) => `Выйти из семьи «${h}»? Ваши личные записи останутся с вами.`,
    confirmDissolve: (h) =>
      `Распустить семью «${h}»? Все участники выйдут из неё; личные записи у каждого останутся.`,
    yesRemove: '✅ Да, исключить',
    yesTransfer: '✅ Да, передать',
    yesLeave: '✅ Да, выйти',
    yesDissolve: '✅ Да, распустить',
    removed: (n) => `➖ ${n} больше не в семье.`,
    transferred: (n) => `👑 Теперь владелец — ${n}.`,
    left: (h) => `🚪 Вы вышли из семьи «${h}».`,
    dissolved: (h) => `🗑 Семья «${h}» распущена.`,
    walletSet: (on) => (on ? 'Новые записи — в семью' : 'Новые записи — личные'),
    askNotify: (c) =>
      `🔔 С какой суммы сообщать о тратах семьи? Напишите сумму в ${c}, например 500000.\nОтмена: /cancel`,
    notifySet: (a) => `🔔 Сообщу, когда кто-то из семьи потратит больше ${a}.`,
    notifyOff: '🔕 Уведомления о тратах семьи выключены.',
    badAmount: (c) => `❌ Напишите сумму больше нуля в ${c}, например 500000. Отмена: /cancel`,
    invitation: (i, h) =>
      `👋 ${i} приглашает вас в семью «${h}».\nВ семье видны только общие записи, личные остаются только вашими.`,
    inviteProblem: {
      unknown: '❌ Это приглашение недействительно.',
      expired: '⌛ Срок приглашения истёк. Попросите новую ссылку.',
      used: '❌ Это приглашение уже использовано. Попросите новую ссылку.',
      revoked: '❌ Это приглашение отозвано.',
    },
    alreadyIn: (h) => `🏠 Вы уже в семье «${h}». Чтобы перейти в другую, сначала выйдите из неё: /family`,
    joined: (h) => `🎉 Вы в семье «${h}»!`,
    gone: '⚠️ Эта кнопка устарела. Откройте /family.',
    notOwner: '⚠️ Это может только владелец семьи.',
    notMember: '⚠️ Вы не в семье. Откройте /family.',
  },
  uz: {
    none: '🏠 Sizda hali oila yoʻq.\nUni yarating va yaqinlaringizni taklif qiling: umumiy xarajatlar bitta hamyonda boʻladi, shaxsiy yozuvlaringizni esa faqat siz koʻrasiz.',
    createButton: '➕ Oila yaratish',
    askName: '🏠 Oilani qanday nomlaymiz? Nomini yozing (100 belgigacha).\nBekor qilish: /cancel',
    askRename: '✏️ Oilaning yangi nomini yozing (100 belgigacha).\nBekor qilish: /cancel',
    badName: '❌ Nom 1 dan 100 belgigacha boʻlsin. Boshqasini yozing yoki /cancel',
    created: (h) => `🎉 «${h}» oilasi yaratildi. Yaqinlaringizni «Taklif qilish» tugmasi bilan chaqiring.`,
    renamed: (h) => `✏️ Endi oila nomi — «${h}».`,
    title: (h, c) => `🏠 «${h}» oilasi · ${c}`,
    membersTitle: 'Aʼzolar:',
    ownerMark: 'egasi',
    walletLine: (on) => `Yozuvlaringiz standart boʻyicha: ${on ? 'oilaga' : 'shaxsiy'}`,
    notifyLine: (a) =>
      a ? `Oila xarajati ${a} dan oshsa xabar beraman` : 'Oila xarajatlari haqida xabarlar: oʻchirilgan',
    inviteButton: '🔗 Taklif qilish',
    renameButton: '✏️ Nomini oʻzgartirish',
    removeButton: (n) => `➖ Chiqarish: ${n}`,
    transferButton: (n) => `👑 Egalikni berish: ${n}`,
    leaveButton: '🚪 Oiladan chiqish',
    dissolveButton: '🗑 Oilani tarqatish',
    walletButton: (on) => `Standart: oilaga — ${on ? 'yoqilgan' : 'oʻchirilgan'}`,
    notifyButton: '🔔 Xarajat … dan oshsa xabar berish',
    notifyOffButton: '🔕 Xabar bermaslik',
    backButton: '⬅️ Orqaga',
    joinButton: '✅ Qoʻshilish',
    revokeButton: '🚫 Taklifni bekor qilish',
    revoked: '🚫 Taklif bekor qilindi: bu havola orqali endi qoʻshilib boʻlmaydi.',
    revokeGone: '⚠️ Bu taklifdan foydalanilgan, u bekor qilingan yoki muddati tugagan.',
    invite: (link, hours) =>
      `🔗 Taklif havolasi — bir kishi uchun, ${hours} soat amal qiladi:\n${link}\nUni taklif qilayotgan odamingizga yuboring.`,
    confirmRemove: (n) => `${n} oiladan chiqarilsinmi? Uning shaxsiy yozuvlari oʻzida qoladi.`,
    confirmTransfer: (n) => `Oila ${n} ga berilsinmi? ${n} egasi boʻladi, siz aʼzo boʻlib qolasiz.`,
    confirmLeave: (h) => `«${h}» oilasidan chiqasizmi? Shaxsiy yozuvlaringiz oʻzingizda qoladi.`,
    confirmDissolve: (h) =>
      `«${h}» oilasi tarqatilsinmi? Barcha aʼzolar undan chiqadi; har kimning shaxsiy yozuvlari oʻzida qoladi.`,
    yesRemove: '✅ Ha, chiqarish',
    yesTransfer: '✅ Ha, berish',
    yesLeave: '✅ Ha, chiqish',
    yesDissolve: '✅ Ha, tarqatish',
    removed: (n) => `➖ ${n} endi oilada emas.`,
    transferred: (n) => `👑 Endi egasi — ${n}.`,
    left: (h) => `🚪 Siz «${h}» oilasidan chiqdingiz.`,
    dissolved: (h) => `🗑 «${h}» oilasi tarqatildi.`,
    walletSet: (on) => (on ? 'Yangi yozuvlar — oilaga' : 'Yangi yozuvlar — shaxsiy'),
    askNotify: (c) =>
      `🔔 Oila xarajati qanchadan oshsa xabar beray? Summani ${c} da yozing, masalan 500000.\nBekor qilish: /cancel`,
    notifySet: (a) => `🔔 Oiladan kimdir ${a} dan koʻp sarflasa, xabar beraman.`,
    notifyOff: '🔕 Oila xarajatlari haqida xabarlar oʻchirildi.',
    badAmount: (c) => `❌ Noldan katta summani ${c} da yozing, masalan 500000. Bekor qilish: /cancel`,
    invitation: (i, h) =>
      `👋 ${i} sizni «${h}» oilasiga taklif qilmoqda.\nOilada faqat umumiy yozuvlar koʻrinadi, shaxsiylari faqat sizniki boʻlib qoladi.`,
    inviteProblem: {
      unknown: '❌ Bu taklif haqiqiy emas.',
      expired: '⌛ Taklif muddati tugagan. Yangi havola soʻrang.',
      used: '❌ Bu taklifdan allaqachon foydalanilgan. Yangi havola soʻrang.',
      revoked: '❌ Bu taklif bekor qilingan.',
    },
    alreadyIn: (h) =>
      `🏠 Siz allaqachon «${h}» oilasidasiz. Boshqasiga oʻtish uchun avval undan chiqing: /family`,
    joined: (h) => `🎉 Siz «${h}» oilasidasiz!`,
    gone: '⚠️ Bu tugma eskirgan. /family ni oching.',
    notOwner: '⚠️ Buni faqat oila egasi qila oladi.',
    notMember: '⚠️ Siz oilada emassiz. /family ni oching.',
  },
  en: {
    none: "🏠 You don't have a family yet.\nCreate one and invite your family: shared spending goes to one wallet, and your personal records stay visible to you only.",
    createButton: '➕ Create a family',
    askName: '🏠 What shall we call the family? Send a name (up to 100 characters).\nCancel: /cancel',
    askRename: "✏️ Send the family's new name (up to 100 characters).\nCancel: /cancel",
    badName: '❌ The name takes 1 to 100 characters. Send another one or /cancel',
    created: (h) => `🎉 The family “${h}” is created. Invite your family with the “Invite” button.`,
    renamed: (h) => `✏️ The family is now called “${h}”.`,
    title: (h, c) => `🏠 Family “${h}” · ${c}`,
    membersTitle: 'Members:',
    ownerMark: 'owner',
    walletLine: (on) => `Your records by default: ${on ? 'to the family' : 'personal'}`,
    notifyLine: (a) => (a ? `Tell me of family expenses over ${a}` : 'Family expense notifications: off'),
    inviteButton: '🔗 Invite',
    renameButton: '✏️ Rename',
    removeButton: (n) => `➖ Remove ${n}`,
    transferButton: (n) => `👑 Hand over to ${n}`,
    leaveButton: '🚪 Leave the family',
    dissolveButton: '🗑 Dissolve the family',
    walletButton: (on) => `Record to the family by default: ${on ? 'on' : 'off'}`,
    notifyButton: '🔔 Notify me of expenses over…',
    notifyOffButton: '🔕 No notifications',
    backButton: '⬅️ Back',
    joinButton: '✅ Join',
    revokeButton: '🚫 Revoke the invite',
    revoked: '🚫 Invite revoked: nobody can join with this link any more.',
    revokeGone: '⚠️ This invite was already used, revoked or has expired.',
    invite: (link, hours) =>
      `🔗 Invite link, for one person, valid for ${hours} h:\n${link}\nSend it to the person you invite.`,
    confirmRemove: (n) => `Remove ${n} from the family? ${n} keeps their personal records.`,
    confirmTransfer: (n) => `Hand the family over to ${n}? ${n} becomes the owner, you stay a member.`,
    confirmLeave: (h) => `Leave the family “${h}”? Your personal records stay with you.`,
    confirmDissolve: (h) =>
      `Dissolve the family “${h}”? Every member leaves it; everyone keeps their personal records.`,
    yesRemove: '✅ Yes, remove',
    yesTransfer: '✅ Yes, hand over',
    yesLeave: '✅ Yes, leave',
    yesDissolve: '✅ Yes, dissolve',
    removed: (n) => `➖ ${n} is no longer in the family.`,
    transferred: (n) => `👑 ${n} is now the owner.`,
    left: (h) => `🚪 You left the family “${h}”.`,
    dissolved: (h) => `🗑 The family “${h}” is dissolved.`,
    walletSet: (on) => (on ? 'New records go to the family' : 'New records are personal'),
    askNotify: (c) =>
      `🔔 From what amount shall I tell you of family expenses? Send an amount in ${c}, e.g. 500000.\nCancel: /cancel`,
    notifySet: (a) => `🔔 I'll tell you when someone in the family spends more than ${a}.`,
    notifyOff: '🔕 Family expense notifications are off.',
    badAmount: (c) => `❌ Send an amount above zero in ${c}, e.g. 500000. Cancel: /cancel`,
    invitation: (i, h) =>
      `👋 ${i} invites you to the family “${h}”.\nThe family sees shared records only; your personal ones stay yours.`,
    inviteProblem: {
      unknown: '❌ This invite is not valid.',
      expired: '⌛ This invite has expired. Ask for a new link.',
      used: '❌ This invite has already been used. Ask for a new link.',
      revoked: '❌ This invite has been revoked.',
    },
    alreadyIn: (h) => `🏠 You are already in the family “${h}”. To join another one, leave it first: /family`,
    joined: (h) => `🎉 You are in the family “${h}”!`,
    gone: '⚠️ This button is out of date. Open /family.',
    notOwner: '⚠️ Only the owner of the family can do this.',
    notMember: "⚠️ You're not in a family. Open /family.",
  },
};

/** Every language's texts (the catalogue tests). */
export const FAMILY_TEXTS: Readonly<Record<Language, FamilyTexts>> = F;

export const familyTexts = (lang: Language): FamilyTexts => F[lang];

/** The household card as the bot draws it: plain values. */
export interface FamilyCardView {
  name: string;
  currency: string;
  /** Oldest first. */
  members: ReadonlyArray<{ firstName: string; role: 'owner' | 'member' }>;
  recordsToHousehold: boolean;
  notifyOverMinor: bigint | null;
}

/** The card: name and currency, the members (the owner marked), the reader's default wallet and notification. */
export function familyCardText(lang: Language, card: FamilyCardView, header?: string): string {
  const t = F[lang];
  const lines = [
    ...(header ? [header, ''] : []),
    t.title(card.name, card.currency),
    '',
    t.membersTitle,
    ...card.members.map((m) =>
      m.role === 'owner' ? `👑 ${m.firstName} — ${t.ownerMark}` : `• ${m.firstName}`,
    ),
    '',
    t.walletLine(card.recordsToHousehold),
    t.notifyLine(card.notifyOverMinor === null ? null : formatMoney(card.notifyOverMinor, card.currency)),
  ];
  return lines.join('\n');
}

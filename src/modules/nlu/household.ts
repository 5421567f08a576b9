/**
 * Whose money (docs/phrases.md, "Whose money"): the one matcher of the household wallet. A record saying "в семью",
 * "oilaga", "for the family" goes to the household; a question "сколько семья потратила", "oila xarajatlari",
 * "family balance" asks about it. The words are in the lexicon files (`household`); this file only combines them.
 */
import { EN } from './lexicon.en';
import { RU } from './lexicon.ru';
import { UZ } from './lexicon.uz';
import { analyze, StemMap, type WordInfo } from './lexicon';
import type { HouseholdWords } from './lexicon.types';
import { tokenize, type Token } from './normalize';
import { latinToCyrillic } from './translit';

type Role = keyof HouseholdWords;

const ROLES: Role[] = ['family', 'adjectives', 'shared', 'wallets', 'glue', 'company', 'others', 'self'];

/**
 * Russian typed in Latin letters loses its soft signs and й ("v semyu", "semeinyi", "semja"): those Russian words are
 * also kept without them and tried on the Cyrillic readings of a Latin word (translit.ts).
 */
const plain = (w: string): string => w.replace(/[ьъ]/g, '').replace(/й/g, 'и');

const roles = new StemMap<Role>();
const typedInLatin = new StemMap<Role>();
for (const src of [RU, UZ, EN]) {
  for (const role of ROLES) {
    for (const p of src.household[role].split(/\s+/)) {
      if (p === '') continue;
      roles.add(p, role, src.lang);
      if (src.lang === 'ru') typedInLatin.add(plain(p), role, src.lang);
    }
  }
}

const roleCache = new Map<string, Role[]>();

function rolesOf(t: Token): Role[] {
  let found = roleCache.get(t.f);
  if (found === undefined) {
    found = (roles.lookup(t.f) ?? []).map((e) => e.value);
    if (found.length === 0 && !t.cyr) {
      for (const cyr of latinToCyrillic(t.f)) {
        found = (typedInLatin.lookup(plain(cyr)) ?? []).map((e) => e.value);
        if (found.length > 0) break;
      }
    }
    if (roleCache.size >= 10_000) roleCache.clear();
    roleCache.set(t.f, found);
  }
  return found;
}

function has(tokens: Token[], i: number, role: Role): boolean {
  const t = tokens[i];
  return t !== undefined && t.kind === 'word' && rolesOf(t).includes(role);
}

/** A word that names a thing of its own ("врач", "restoranda", "pizza"), not a wallet, a money noun or a function word. */
function namesAThing(tokens: Token[], infos: Array<WordInfo | undefined>, i: number): boolean {
  const t = tokens[i];
  const info = infos[i];
  if (t === undefined || t.kind !== 'word' || info === undefined) return false;
  if (info.stop || info.conj || info.verb || info.num || info.currency || info.cue) return false;
  return rolesOf(t).length === 0;
}

/** "akamning oilasi", "brother's family": the word before is someone's (a genitive that is not "our" or "my"). */
function possessiveBefore(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (t === undefined || t.kind !== 'word' || has(tokens, i, 'glue')) return false;
  return /(ning|нинг)$/.test(t.f) || /'s$/.test(t.raw);
}

/** One family word with the words said with it. */
export interface HouseholdMention {
  /** Token positions of the wallet phrase (the family word, a wallet noun beside it, prepositions, a ':'). */
  used: number[];
  /** "с семьёй", "oila bilan", "with my family": the family is company, not the wallet. */
  company: boolean;
  /** "семья брата", "akamning oilasi", "his family": someone else's family. */
  others: boolean;
  /**
   * An adjective naming a kind of thing, not the wallet: "семейный стоматолог", "oilaviy tarif", "family pack". A
   * question may still mean the household by it ("family groceries this month?").
   */
  kind: boolean;
}

/** Every family word of the phrase ("общий бюджет", "shared wallet" count as one too). */
export function householdMentions(tokens: Token[], infos: Array<WordInfo | undefined>): HouseholdMention[] {
  const out: HouseholdMention[] = [];
  const n = tokens.length;
  for (let i = 0; i < n; i++) {
    const family = has(tokens, i, 'family') || has(tokens, i, 'adjectives');
    const shared =
      !family &&
      has(tokens, i, 'shared') &&
      (has(tokens, i + 1, 'wallets') || infos[i + 1]?.cue !== undefined);
    if (!family && !shared) continue;
    let start = i;
    let end = i + 1;
    if (has(tokens, end, 'wallets')) end++;
    else if (has(tokens, start - 1, 'wallets')) start--;
    while (start > 0 && has(tokens, start - 1, 'glue')) start--;
    if (has(tokens, end, 'glue')) end++;
    if (end < n && tokens[end].kind === 'sym' && tokens[end].f === ':') end++;
    const company = has(tokens, start - 1, 'company') || has(tokens, end, 'company');
    const others =
      has(tokens, i - 1, 'others') ||
      has(tokens, i + 1, 'others') ||
      possessiveBefore(tokens, i - 1) ||
      possessiveBefore(tokens, start - 1);
    const kind =
      has(tokens, i, 'adjectives') && end === i + 1 && start === i && namesAThing(tokens, infos, i + 1);
    const used: number[] = [];
    for (let p = start; p < end; p++) used.push(p);
    out.push({ used, company, others, kind });
    i = end - 1;
  }
  return out;
}

/**
 * A record phrase puts its money in the household wallet: the positions of the words that say so (to be dropped from
 * the amounts, the category and the description), or null. Company ("ужин с семьёй") and someone else's family
 * ("подарок семье брата") do not.
 */
export function recordWallet(mentions: HouseholdMention[]): number[] | null {
  const own = mentions.filter((m) => !m.company && !m.others && !m.kind);
  return own.length === 0 ? null : own.flatMap((m) => m.used);
}

/** Words of one's own (the note forwarded with a card notification) put the record in the household wallet. */
export function saysHouseholdWallet(text: string): boolean {
  const tokens = tokenize(text);
  const infos = tokens.map((t) => (t.kind === 'word' ? analyze(t.f) : undefined));
  return recordWallet(householdMentions(tokens, infos)) !== null;
}

/** Uzbek verbs of the speaker alone: sarfladim, ketkazdim, to'layapman. */
const UZ_SELF_VERB_RE = /(dim|дим|man|ман)$/;

/**
 * A question (spending, balance) asks about the household: it names the family (as company too: "мы с семьёй"), not
 * someone else's, and not with the speaker alone as its subject ("сколько я потратил на семью" is one's own money).
 * A bare "мы", "biz", "we" does not count (docs/phrases.md, "Whose money").
 */
export function asksHousehold(
  tokens: Token[],
  infos: Array<WordInfo | undefined>,
  mentions: HouseholdMention[] = householdMentions(tokens, infos),
): boolean {
  if (!mentions.some((m) => !m.others)) return false;
  for (let i = 0; i < tokens.length; i++) {
    if (has(tokens, i, 'self')) return false;
    if (infos[i]?.verb !== undefined && UZ_SELF_VERB_RE.test(tokens[i].f)) return false;
  }
  return true;
}

/**
 * What happened to a household, for telling its members (docs/households.md, "Members are told"). Plain values: who
 * did it (a first name), the household's name, and who is to be told; never an amount or a record. The households
 * module only announces these after the change is committed; the notifications module sends them, and a failed
 * send never undoes the change.
 */
export type HouseholdEventKind = 'joined' | 'left' | 'removed' | 'erased' | 'transferred' | 'dissolved';

export interface HouseholdEvent {
  kind: HouseholdEventKind;
  householdName: string;
  /** The person the news is about: who joined, left, was removed, erased their data, or got ownership. */
  subjectName: string;
  /** The new owner's name when the owner left or erased their data and ownership passed on. */
  newOwnerName?: string;
  /** Who is told (user ids); never the person who did it. */
  recipients: string[];
  /** Of the recipients, the one the news is about (a removed member, a new owner): told in the second person. */
  subjectId?: string;
}

/** Someone who wants to hear about household changes (the notifications module registers one). */
export type HouseholdListener = (event: HouseholdEvent) => void;

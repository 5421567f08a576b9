import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { User } from '../users/user.entity';
import { bigintTransformer, moneyTransformer } from '../../database/transformers';

export const HOUSEHOLD_ROLES = ['owner', 'member'] as const;
export type HouseholdRole = (typeof HOUSEHOLD_ROLES)[number];

/** A family's shared wallet (docs/households.md). Mirrors migration 1764401900000. */
@Entity({ name: 'households' })
@Check('ck_households_currency', `currency ~ '^[A-Z]{3}$'`)
@Check('ck_households_name_not_blank', `btrim(name) <> ''`)
@Index('ix_households_owner', ['ownerId'])
export class Household {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'fk_households_owner' })
  owner?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** One person's membership: the primary key is the user, so a person belongs to at most one household. */
@Entity({ name: 'household_members' })
@Check('ck_household_members_role', `role IN ('owner', 'member')`)
@Index('ix_household_members_household', ['householdId', 'joinedAt', 'userId'])
@Check('ck_household_members_notify_over', `notify_over > 0`)
export class HouseholdMember {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_household_members_user' })
  user?: User;

  @Column({ name: 'household_id', type: 'uuid' })
  householdId: string;

  @ManyToOne(() => Household, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'household_id', foreignKeyConstraintName: 'fk_household_members_household' })
  household?: Household;

  @Column({ type: 'varchar', length: 6, default: 'member' })
  role: HouseholdRole;

  @Column({ name: 'joined_at', type: 'timestamptz', default: () => 'now()' })
  joinedAt: Date;

  /** The member's default wallet for records that do not name one: true = the household's (migration 1764402000000). */
  @Column({ name: 'records_to_household', type: 'boolean', default: false })
  recordsToHousehold: boolean;

  /** Tell this member about other members' household expenses above this amount (household currency); null = never. */
  @Column({
    name: 'notify_over',
    type: 'numeric',
    precision: 15,
    scale: 2,
    nullable: true,
    transformer: moneyTransformer,
  })
  notifyOver: bigint | null;
}

/** An invite link's token, stored as its SHA-256 only; single-use, 24 h, revocable. */
@Entity({ name: 'household_invites' })
@Index('ix_household_invites_household', ['householdId', 'createdAt'])
@Index('ix_household_invites_created_by', ['createdBy', 'createdAt'])
export class HouseholdInvite {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_household_invites_token_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash: string;

  @Column({ name: 'household_id', type: 'uuid' })
  householdId: string;

  @ManyToOne(() => Household, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'household_id', foreignKeyConstraintName: 'fk_household_invites_household' })
  household?: Household;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_household_invites_created_by' })
  creator?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}

/** A Telegram group chat linked to a household: members' records there go to the household's wallet. */
@Entity({ name: 'household_chats' })
@Check('ck_household_chats_group', `chat_id < 0`)
@Index('ix_household_chats_household', ['householdId'])
@Index('ix_household_chats_linked_by', ['linkedBy'])
export class HouseholdChat {
  @PrimaryColumn({ name: 'chat_id', type: 'bigint', transformer: bigintTransformer })
  chatId: bigint;

  @Column({ name: 'household_id', type: 'uuid' })
  householdId: string;

  @ManyToOne(() => Household, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'household_id', foreignKeyConstraintName: 'fk_household_chats_household' })
  household?: Household;

  @Column({ name: 'linked_by', type: 'uuid' })
  linkedBy: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'linked_by', foreignKeyConstraintName: 'fk_household_chats_linked_by' })
  linker?: User;

  @Column({ name: 'linked_at', type: 'timestamptz', default: () => 'now()' })
  linkedAt: Date;
}

/**
 * Who was told in a linked group that only the household's members record there (one reply per person and group);
 * the sender's Telegram id, since they may have no account. Mirrors migration 1764402100000.
 */
@Entity({ name: 'household_chat_notices' })
export class HouseholdChatNotice {
  @PrimaryColumn({ name: 'chat_id', type: 'bigint', transformer: bigintTransformer })
  chatId: bigint;

  @PrimaryColumn({ name: 'telegram_user_id', type: 'bigint', transformer: bigintTransformer })
  telegramUserId: bigint;

  @ManyToOne(() => HouseholdChat, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'chat_id', foreignKeyConstraintName: 'fk_household_chat_notices_chat' })
  chat?: HouseholdChat;

  @Column({ name: 'noticed_at', type: 'timestamptz', default: () => 'now()' })
  noticedAt: Date;
}

/** The JSON of households on the REST API (snake_case; docs/households.md). */
import type { HouseholdRole } from './household.entity';
import type { HouseholdView, NewInvite } from './households.service';

export interface MemberJson {
  user_id: string;
  first_name: string;
  role: HouseholdRole;
  joined_at: string;
}

export interface HouseholdJson {
  id: string;
  name: string;
  currency: string;
  owner_id: string;
  members: MemberJson[];
}

export interface InviteJson {
  token: string;
  link: string;
  expires_at: string;
}

export function householdJson({ household, members }: HouseholdView): HouseholdJson {
  return {
    id: household.id,
    name: household.name,
    currency: household.currency,
    owner_id: household.ownerId,
    members: members.map((m) => ({
      user_id: m.userId,
      first_name: m.firstName,
      role: m.role,
      joined_at: m.joinedAt.toISOString(),
    })),
  };
}

export function inviteJson(invite: NewInvite): InviteJson {
  return { token: invite.token, link: invite.link, expires_at: invite.expiresAt.toISOString() };
}

import { canChange, canDelete, canSee, targetHousehold, Viewer, walletOf } from './wallet';

const H = 'h-1';
const OTHER_H = 'h-2';
const owner: Viewer = {
  userId: 'owner',
  membership: { householdId: H, role: 'owner', recordsToHousehold: false },
};
const member: Viewer = {
  userId: 'member',
  membership: { householdId: H, role: 'member', recordsToHousehold: true },
};
const stranger: Viewer = {
  userId: 'stranger',
  membership: { householdId: OTHER_H, role: 'owner', recordsToHousehold: false },
};
const loner: Viewer = { userId: 'loner', membership: null };

const rec = (userId: string, householdId: string | null) => ({ userId, householdId });

describe('wallet rules', () => {
  it.each([
    ['own personal', rec('member', null), member, true, true, true],
    ['own household', rec('member', H), member, true, true, true],
    ["another member's household record", rec('owner', H), member, true, false, false],
    ["a member's household record, seen by the owner", rec('member', H), owner, true, false, true],
    ["another member's personal record", rec('owner', null), member, false, false, false],
    ["a member's personal record, for the owner", rec('member', null), owner, false, false, false],
    ['a household record, for another household', rec('member', H), stranger, false, false, false],
    ['a household record, for someone in no household', rec('member', H), loner, false, false, false],
    ['own record left in a household one has left', rec('loner', H), loner, true, false, false],
  ])('%s: see %s / change %s / delete %s', (_name, tx, viewer, see, change, del) => {
    expect([canSee(tx, viewer), canChange(tx, viewer), canDelete(tx, viewer)]).toEqual([see, change, del]);
  });

  it('names the wallet', () => {
    expect(walletOf(rec('a', null))).toBe('personal');
    expect(walletOf(rec('a', H))).toBe('household');
  });

  it("a new record goes where it says, else to the member's default", () => {
    expect(targetHousehold('household', member)).toBe(H);
    expect(targetHousehold('personal', member)).toBeNull();
    expect(targetHousehold(undefined, member)).toBe(H);
    expect(targetHousehold(undefined, owner)).toBeNull();
    expect(targetHousehold(undefined, loner)).toBeNull();
    expect(targetHousehold('household', loner)).toBe('not_in_household');
  });
});

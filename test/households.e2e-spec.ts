/**
 * Households over REST (docs/households.md): create, get, rename, invite, join, expired / reused / revoked tokens,
 * leave (member and owner), remove, transfer, dissolve, and the IDOR rows: a non-member, a removed member and a
 * member of another household see nothing and change nothing, checked on every request.
 */
import { accessTokenFor } from './helpers/auth';
import { startTestApp, TestApp } from './helpers/test-app';
import { hashInviteToken } from '../src/modules/households/households.rules';
import { PrivacyService } from '../src/modules/privacy/privacy.service';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const FORBIDDEN = { detail: 'Only the owner of the household can do this.' };
const NOT_FOUND = { detail: 'Not found.' };

type Who = { token: string; userId: string };

describe('households REST (e2e)', () => {
  let t: TestApp;
  let alice: Who;
  let bob: Who;
  let carol: Who;
  let dave: Who;
  const auth = (who: Who) => ({ Authorization: `Bearer ${who.token}` });

  const invite = async (owner: Who): Promise<string> =>
    (await t.http.post('/api/households/current/invites/').set(auth(owner)).expect(201)).body.token as string;
  const join = (who: Who, token: string) =>
    t.http.post('/api/households/join/').set(auth(who)).send({ token });
  const current = (who: Who) => t.http.get('/api/households/current/').set(auth(who));
  const create = (who: Who, body: object) => t.http.post('/api/households/').set(auth(who)).send(body);
  const names = async (...users: Array<[Who, string]>) => {
    for (const [u, name] of users)
      await t.db.query(`UPDATE users SET first_name = $2 WHERE id = $1`, [u.userId, name]);
  };

  beforeAll(async () => {
    t = await startTestApp({
      TELEGRAM_BOT_TOKEN: undefined,
      BOT_MODE: 'none',
      TELEGRAM_BOT_USERNAME: 'OvozTestBot',
    });
    alice = await accessTokenFor(t, 4101);
    bob = await accessTokenFor(t, 4102);
    carol = await accessTokenFor(t, 4103);
    dave = await accessTokenFor(t, 4104);
    await names([alice, 'Alice'], [bob, 'Bob'], [carol, 'Carol'], [dave, 'Dave']);
  });
  afterAll(() => t?.close());

  it('needs a token', async () => {
    await t.http.get('/api/households/current/').expect(401);
    await t.http.post('/api/households/').send({ name: 'x' }).expect(401);
  });

  it('nobody is in a household at first: 404', async () => {
    expect((await current(alice).expect(404)).body).toEqual(NOT_FOUND);
  });

  it('validates the body, every field at once', async () => {
    expect((await create(alice, { currency: 'xx' }).expect(400)).body).toEqual({
      name: ['This field is required.'],
      currency: ['"xx" is not a valid choice.'],
    });
    expect((await create(alice, { name: '   ' }).expect(400)).body).toEqual({
      name: ['This field may not be blank.'],
    });
  });

  describe('a family of three', () => {
    let householdId: string;

    it('creates: 201 with the owner as the only member; a second one → 400', async () => {
      const res = await create(alice, { name: ' Oila ' }).expect(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(UUID_RE),
        name: 'Oila',
        currency: 'UZS',
        owner_id: alice.userId,
        members: [
          {
            user_id: alice.userId,
            first_name: 'Alice',
            role: 'owner',
            joined_at: expect.stringMatching(ISO_RE),
          },
        ],
      });
      expect(Object.keys(res.body)).toEqual(['id', 'name', 'currency', 'owner_id', 'members']);
      householdId = res.body.id;
      expect((await create(alice, { name: 'Again' }).expect(400)).body).toEqual({
        non_field_errors: ['You are already in a household.'],
      });
      expect((await current(alice).expect(200)).body.id).toBe(householdId);
    });

    it('renames and changes the currency (owner)', async () => {
      const res = await t.http
        .patch('/api/households/current/')
        .set(auth(alice))
        .send({ name: 'Karimovlar', currency: 'usd' })
        .expect(200);
      expect(res.body).toMatchObject({ id: householdId, name: 'Karimovlar', currency: 'USD' });
      await t.http.patch('/api/households/current/').set(auth(alice)).send({ name: '' }).expect(400);
    });

    it('invites: a deep link to the bot, 24 h, only the hash stored', async () => {
      const res = await t.http.post('/api/households/current/invites/').set(auth(alice)).expect(201);
      expect(res.body).toEqual({
        token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        link: `https://t.me/OvozTestBot?start=join_${res.body.token}`,
        expires_at: expect.stringMatching(ISO_RE),
      });
      const hours = (Date.parse(res.body.expires_at) - Date.now()) / 3_600_000;
      expect(hours).toBeGreaterThan(23.9);
      expect(hours).toBeLessThanOrEqual(24.01);
      const stored: Array<{ token_hash: string }> = await t.db.query(
        `SELECT token_hash FROM household_invites WHERE household_id = $1`,
        [householdId],
      );
      expect(stored.map((r) => r.token_hash)).toContain(hashInviteToken(res.body.token));
      expect(JSON.stringify(stored)).not.toContain(res.body.token);
    });

    it('joins with a token; the token is single-use', async () => {
      const token = await invite(alice);
      const res = await join(bob, token).expect(200);
      expect(res.body).toMatchObject({ id: householdId, owner_id: alice.userId });
      expect(
        res.body.members.map((m: { first_name: string; role: string }) => [m.first_name, m.role]),
      ).toEqual([
        ['Alice', 'owner'],
        ['Bob', 'member'],
      ]);
      expect((await join(carol, token).expect(400)).body).toEqual({
        token: ['This invite has already been used.'],
      });
      // Already in a household: refused before the token is spent.
      const another = await invite(alice);
      expect((await join(bob, another).expect(400)).body).toEqual({
        non_field_errors: ['You are already in a household.'],
      });
      await join(carol, another).expect(200);
      expect((await current(carol).expect(200)).body.members).toHaveLength(3);
    });

    it('expired, revoked and unknown tokens → 400 with a field error', async () => {
      const expired = await invite(alice);
      await t.db.query(
        `UPDATE household_invites SET expires_at = now() - interval '1 second' WHERE token_hash = $1`,
        [hashInviteToken(expired)],
      );
      expect((await join(dave, expired).expect(400)).body).toEqual({ token: ['This invite has expired.'] });

      const revoked = await invite(alice);
      await t.http.delete(`/api/households/current/invites/${revoked}/`).set(auth(bob)).expect(403);
      await t.http.delete(`/api/households/current/invites/${revoked}/`).set(auth(alice)).expect(204);
      await t.http.delete(`/api/households/current/invites/${revoked}/`).set(auth(alice)).expect(404);
      expect((await join(dave, revoked).expect(400)).body).toEqual({
        token: ['This invite has been revoked.'],
      });

      for (const token of ['nope', 'A'.repeat(43)])
        expect((await join(dave, token).expect(400)).body).toEqual({ token: ['This invite is not valid.'] });
      expect((await join(dave, undefined as unknown as string).expect(400)).body).toEqual({
        token: ['This field is required.'],
      });
      await current(dave).expect(404);
    });

    it('members see the household; only the owner manages it (403)', async () => {
      expect((await current(bob).expect(200)).body.id).toBe(householdId);
      expect(
        (await t.http.patch('/api/households/current/').set(auth(bob)).send({ name: 'Mine' }).expect(403))
          .body,
      ).toEqual(FORBIDDEN);
      await t.http.post('/api/households/current/invites/').set(auth(bob)).expect(403);
      await t.http.delete(`/api/households/current/members/${carol.userId}/`).set(auth(bob)).expect(403);
      await t.http
        .post('/api/households/current/transfer/')
        .set(auth(bob))
        .send({ user_id: bob.userId })
        .expect(403);
      await t.http.delete('/api/households/current/').set(auth(bob)).expect(403);
      expect((await current(alice).expect(200)).body.name).toBe('Karimovlar');
    });

    it('transfer: to a member only; then the new owner manages it', async () => {
      const url = '/api/households/current/transfer/';
      expect(
        (await t.http.post(url).set(auth(alice)).send({ user_id: dave.userId }).expect(400)).body,
      ).toEqual({
        user_id: ['This person is not a member of your household.'],
      });
      await t.http.post(url).set(auth(alice)).send({ user_id: alice.userId }).expect(400);
      await t.http.post(url).set(auth(alice)).send({}).expect(400);
      const res = await t.http.post(url).set(auth(alice)).send({ user_id: bob.userId }).expect(200);
      expect(res.body.owner_id).toBe(bob.userId);
      expect(
        res.body.members.map((m: { first_name: string; role: string }) => [m.first_name, m.role]),
      ).toEqual([
        ['Alice', 'member'],
        ['Bob', 'owner'],
        ['Carol', 'member'],
      ]);
      await t.http.patch('/api/households/current/').set(auth(alice)).send({ name: 'x' }).expect(403);
      await t.http.post(url).set(auth(bob)).send({ user_id: alice.userId }).expect(200);
    });

    it('remove: the owner removes a member, who loses access with the next request', async () => {
      const path = `/api/households/current/members/${carol.userId}/`;
      expect(
        (await t.http.delete(`/api/households/current/members/${alice.userId}/`).set(auth(alice)).expect(400))
          .body,
      ).toEqual({
        non_field_errors: [
          'The owner cannot remove themselves: leave the household or hand ownership over first.',
        ],
      });
      await t.http.delete(`/api/households/current/members/${dave.userId}/`).set(auth(alice)).expect(404);
      await t.http.delete('/api/households/current/members/not-a-uuid/').set(auth(alice)).expect(404);
      await current(carol).expect(200);
      await t.http.delete(path).set(auth(alice)).expect(204);
      await t.http.delete(path).set(auth(alice)).expect(404);
      // Carol's token is still valid, but the household is gone for her.
      expect((await current(carol).expect(404)).body).toEqual(NOT_FOUND);
      await t.http.post('/api/households/current/leave/').set(auth(carol)).expect(404);
      await t.http.post('/api/households/current/invites/').set(auth(carol)).expect(404);
      expect((await current(alice).expect(200)).body.members).toHaveLength(2);
    });

    it('IDOR: a non-member and a member of another household see and change nothing of this one', async () => {
      // Carol (removed) founds her own; Dave never joined anything.
      const other = (await create(carol, { name: 'Boshqa', currency: 'EUR' }).expect(201)).body;
      expect(other.id).not.toBe(householdId);
      for (const who of [carol, dave]) {
        const mine = await current(who);
        if (who === dave) expect(mine.status).toBe(404);
        else expect(mine.body.id).toBe(other.id);
        expect(JSON.stringify(mine.body)).not.toContain(householdId);
        // Everything is "current": nobody can name another household, and acting on a member of it fails.
        const target = `/api/households/current/members/${bob.userId}/`;
        await t.http.delete(target).set(auth(who)).expect(404);
        await t.http
          .post('/api/households/current/transfer/')
          .set(auth(who))
          .send({ user_id: alice.userId })
          .expect(who === dave ? 404 : 400);
        await t.http.patch('/api/households/current/').set(auth(who)).send({ name: 'Hijack' });
      }
      const ours = (await current(alice).expect(200)).body;
      expect(ours.name).toBe('Karimovlar');
      expect(ours.members.map((m: { user_id: string }) => m.user_id)).toEqual([alice.userId, bob.userId]);
      expect((await current(carol).expect(200)).body.name).toBe('Hijack');
      // An invite of the other household cannot be revoked from this one.
      const theirs = await invite(carol);
      await t.http.delete(`/api/households/current/invites/${theirs}/`).set(auth(alice)).expect(404);
      await join(dave, theirs).expect(200);
      expect((await current(dave).expect(200)).body.id).toBe(other.id);
    });

    it('leave: a member leaves; the owner leaving hands over to the longest-standing member', async () => {
      // Carol's household: Carol (owner), Dave. Dave leaves, then Carol alone leaves → dissolved.
      await t.http.post('/api/households/current/leave/').set(auth(dave)).expect(204);
      await current(dave).expect(404);
      const carolsId = (await current(carol).expect(200)).body.id;
      await t.http.post('/api/households/current/leave/').set(auth(carol)).expect(204);
      await current(carol).expect(404);
      expect(await t.db.query(`SELECT id FROM households WHERE id = $1`, [carolsId])).toEqual([]);

      // Ours: Alice (owner, oldest), Bob; Dave joins. Alice leaves → Bob (longer standing than Dave) owns it.
      await join(dave, await invite(alice)).expect(200);
      await t.http.post('/api/households/current/leave/').set(auth(alice)).expect(204);
      await current(alice).expect(404);
      const after = (await current(bob).expect(200)).body;
      expect(after.owner_id).toBe(bob.userId);
      expect(after.members.map((m: { user_id: string; role: string }) => [m.user_id, m.role])).toEqual([
        [bob.userId, 'owner'],
        [dave.userId, 'member'],
      ]);
    });

    it('dissolve: the owner deletes it; members and invites go with it', async () => {
      const pending = await invite(bob);
      await t.http.delete('/api/households/current/').set(auth(bob)).expect(204);
      await current(bob).expect(404);
      await current(dave).expect(404);
      await t.http.delete('/api/households/current/').set(auth(bob)).expect(404);
      expect((await join(alice, pending).expect(400)).body).toEqual({ token: ['This invite is not valid.'] });
      expect(
        await t.db.query(`SELECT 1 FROM household_members WHERE household_id = $1`, [householdId]),
      ).toEqual([]);
    });
  });

  describe('races', () => {
    it('one token, two joins at once: exactly one gets in', async () => {
      const gina = await accessTokenFor(t, 4107);
      const hank = await accessTokenFor(t, 4108);
      const ivan = await accessTokenFor(t, 4109);
      await create(gina, { name: 'Race' }).expect(201);
      const token = await invite(gina);
      const [a, b] = await Promise.all([join(hank, token), join(ivan, token)]);
      expect([a.status, b.status].sort()).toEqual([200, 400]);
      expect((await current(gina).expect(200)).body.members).toHaveLength(2);
    });

    it('two creates at once by one person: one household', async () => {
      const jane = await accessTokenFor(t, 4110);
      const [a, b] = await Promise.all([create(jane, { name: 'A' }), create(jane, { name: 'B' })]);
      expect([a.status, b.status].sort()).toEqual([201, 400]);
      expect(await t.db.query(`SELECT id FROM households WHERE owner_id = $1`, [jane.userId])).toHaveLength(
        1,
      );
    });
  });

  describe('erasure and export', () => {
    it("an owner's erasure hands the household to the longest-standing member; an empty one is dissolved", async () => {
      const eve = await accessTokenFor(t, 4105);
      const frank = await accessTokenFor(t, 4106);
      const id = (await create(eve, { name: 'Erase me' }).expect(201)).body.id;
      await join(frank, await invite(eve)).expect(200);
      await join(alice, await invite(eve)).expect(200);

      const exported = await t.http.get('/api/users/me/export/').set(auth(eve)).expect(200);
      const body = JSON.parse(exported.text);
      expect(body.household_memberships).toEqual([
        {
          household_id: id,
          role: 'owner',
          joined_at: expect.any(String),
          records_to_household: false,
          notify_over: null,
        },
      ]);
      expect(body.households_owned).toEqual([expect.objectContaining({ id, name: 'Erase me' })]);
      expect(body.household_invites).toHaveLength(2);
      expect(JSON.stringify(body.household_invites)).not.toMatch(/token/);

      await t.app.get(PrivacyService).eraseUser(eve.userId);
      const after = (await current(frank).expect(200)).body;
      expect(after).toMatchObject({ id, owner_id: frank.userId });
      expect(after.members.map((m: { user_id: string }) => m.user_id)).toEqual([frank.userId, alice.userId]);

      await t.http.post('/api/households/current/leave/').set(auth(alice)).expect(204);
      await t.app.get(PrivacyService).eraseUser(frank.userId);
      expect(await t.db.query(`SELECT id FROM households WHERE id = $1`, [id])).toEqual([]);
    });
  });
});

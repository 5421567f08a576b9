/**
 * IDOR for the household wallet (docs/households.md, "Whose money"): Alice's household holds a record of hers and one
 * of Erin's (a member); Alice also has a personal record. Three outsiders aim every wallet-aware endpoint at them:
 * Bob (in no household), Carol (a removed member, holding a token from when she was in) and Dave (the owner of
 * another household). Every row must answer without any of the household's data, and afterwards every record is
 * exactly as it was. Erin, a member, is the control: she sees the household's records but never Alice's personal one.
 */
import type { Response } from 'supertest';
import { accessTokenFor } from '../helpers/auth';
import { startTestApp, TestApp } from '../helpers/test-app';

type Who = { token: string; userId: string };
interface World {
  shared: string;
  erinShared: string;
  personal: string;
  householdId: string;
  aliceId: string;
  erinId: string;
}
interface Row {
  name: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: (w: World) => string;
  body?: (w: World) => object;
  status: number;
  check?: (res: Response) => void;
}

const SHARED_NOTE = 'family-rent-note-91c2';
const ERIN_NOTE = 'erin-bazaar-note-55d0';
const PERSONAL_NOTE = 'alice-own-note-3b7e';
const NOT_FOUND = { detail: 'Not found.' };

const ROWS: Row[] = [
  {
    name: 'GET a household record',
    method: 'get',
    path: (w) => `/api/transactions/${w.shared}/`,
    status: 404,
  },
  {
    name: 'PATCH a household record',
    method: 'patch',
    path: (w) => `/api/transactions/${w.erinShared}/`,
    body: () => ({ amount: '1.00' }),
    status: 404,
  },
  {
    name: 'PATCH a household record into the caller’s wallet',
    method: 'patch',
    path: (w) => `/api/transactions/${w.shared}/`,
    body: () => ({ wallet: 'personal' }),
    status: 404,
  },
  {
    name: 'PUT a household record',
    method: 'put',
    path: (w) => `/api/transactions/${w.shared}/`,
    body: () => ({ type: 'expense', amount: '1.00' }),
    status: 404,
  },
  {
    name: 'DELETE a household record',
    method: 'delete',
    path: (w) => `/api/transactions/${w.erinShared}/`,
    status: 404,
  },
  {
    name: 'GET the owner’s personal record',
    method: 'get',
    path: (w) => `/api/transactions/${w.personal}/`,
    status: 404,
  },
  {
    name: 'GET the list, household wallet',
    method: 'get',
    path: () => '/api/transactions/?wallet=household&page_size=100',
    status: 200,
  },
  {
    name: 'GET the list, searching the note',
    method: 'get',
    path: () => `/api/transactions/?search=${SHARED_NOTE}`,
    status: 200,
    check: (r) => expect(r.body.count).toBe(0),
  },
  {
    name: 'GET the balance, household wallet',
    method: 'get',
    path: () => '/api/transactions/balance/?wallet=household',
    status: 200,
  },
  {
    name: 'GET the analytics, household wallet',
    method: 'get',
    path: () => '/api/analytics/summary/?wallet=household',
    status: 200,
  },
  {
    name: 'GET the CSV export, household wallet',
    method: 'get',
    path: () => '/api/transactions/export/?wallet=household',
    status: 200,
  },
  { name: 'GET users/me/export', method: 'get', path: () => '/api/users/me/export/', status: 200 },
  {
    name: 'DELETE a member of the household',
    method: 'delete',
    path: (w) => `/api/households/current/members/${w.erinId}/`,
    status: 404,
  },
  {
    name: 'POST transfer to the owner',
    method: 'post',
    path: () => '/api/households/current/transfer/',
    body: (w) => ({ user_id: w.aliceId }),
    status: 404,
  },
];

describe('security: IDOR across the household wallet (e2e)', () => {
  let t: TestApp;
  let w: World;
  let alice: Who;
  let erin: Who;
  const outsiders: Record<string, Who> = {};
  const auth = (who: Who) => ({ Authorization: `Bearer ${who.token}` });
  const records = () =>
    t.db.query(
      `SELECT id, user_id, household_id, amount::text, description, category, updated_at FROM transactions
        WHERE user_id = ANY($1) ORDER BY id`,
      [[alice.userId, erin.userId]],
    );
  let before: unknown;

  const noHouseholdData = (res: Response, world: World) => {
    const text = JSON.stringify(res.body ?? '') + (res.text ?? '');
    for (const secret of [
      SHARED_NOTE,
      ERIN_NOTE,
      PERSONAL_NOTE,
      world.shared,
      world.erinShared,
      world.personal,
    ])
      expect(text).not.toContain(secret);
    for (const amount of ['300000.00', '45000.00', '999.00']) expect(text).not.toContain(amount);
    expect(text).not.toContain(world.aliceId);
    expect(text).not.toContain(world.erinId);
  };

  beforeAll(async () => {
    t = await startTestApp({ BOT_MODE: 'none' });
    alice = await accessTokenFor(t, 56_601);
    erin = await accessTokenFor(t, 56_605);
    const [bob, carol, dave] = await Promise.all([56_602, 56_603, 56_604].map((id) => accessTokenFor(t, id)));
    Object.assign(outsiders, {
      'Bob (no household)': bob,
      'Carol (removed member)': carol,
      'Dave (another household)': dave,
    });
    const created = await t.http
      .post('/api/households/')
      .set(auth(alice))
      .send({ name: 'Secret family' })
      .expect(201);
    for (const who of [erin, carol]) {
      const invite = await t.http.post('/api/households/current/invites/').set(auth(alice)).expect(201);
      await t.http
        .post('/api/households/join/')
        .set(auth(who))
        .send({ token: invite.body.token })
        .expect(200);
    }
    await t.http.post('/api/households/').set(auth(dave)).send({ name: 'Dave family' }).expect(201);
    const post = (who: Who, body: object) =>
      t.http
        .post('/api/transactions/')
        .set(auth(who))
        .send({ type: 'expense', currency: 'UZS', ...body })
        .expect(201);
    const shared = await post(alice, { amount: '300000.00', description: SHARED_NOTE, wallet: 'household' });
    const erinShared = await post(erin, { amount: '45000.00', description: ERIN_NOTE, wallet: 'household' });
    const personal = await post(alice, { amount: '999.00', description: PERSONAL_NOTE });
    // Carol's token was issued while she was a member; she is removed now.
    await t.http.delete(`/api/households/current/members/${carol.userId}/`).set(auth(alice)).expect(204);
    w = {
      shared: shared.body.id,
      erinShared: erinShared.body.id,
      personal: personal.body.id,
      householdId: created.body.id,
      aliceId: alice.userId,
      erinId: erin.userId,
    };
    before = await records();
  });
  afterAll(() => t?.close());

  const cases = ['Bob (no household)', 'Carol (removed member)', 'Dave (another household)'].flatMap((who) =>
    ROWS.map((row) => [who, row.name, row] as const),
  );
  it.each(cases)('%s: %s', async (who, _name, row) => {
    let req = t.http[row.method](row.path(w)).set(auth(outsiders[who]));
    if (row.body) req = req.send(row.body(w));
    const res = await req;
    const status =
      who.startsWith('Dave') && row.path(w).startsWith('/api/households/current/')
        ? [400, 404]
        : [row.status];
    expect(status).toContain(res.status);
    if (res.status === 404) expect(res.body).toEqual(NOT_FOUND);
    noHouseholdData(res, w);
    row.check?.(res);
  });

  it('every record is exactly as it was', async () => {
    expect(await records()).toEqual(before);
  });

  it("the control: a member sees the household's records, never the owner's personal one", async () => {
    await t.http.get(`/api/transactions/${w.shared}/`).set(auth(erin)).expect(200);
    await t.http.get(`/api/transactions/${w.personal}/`).set(auth(erin)).expect(404);
    const list = await t.http.get('/api/transactions/?wallet=household').set(auth(erin)).expect(200);
    expect(list.body.count).toBe(2);
    expect(JSON.stringify(list.body)).not.toContain(PERSONAL_NOTE);
    const csv = await t.http.get('/api/transactions/export/?wallet=household').set(auth(erin)).expect(200);
    expect(csv.text).toContain(SHARED_NOTE);
    expect(csv.text).not.toContain(PERSONAL_NOTE);
  });
});

/**
 * REST of goals and debts: CRUD, contribute / repay / close, DRF validation, pagination, and per-user isolation
 * (another user's id → 404 on every endpoint).
 */
import { accessTokenFor } from './helpers/auth';
import { startTestApp, TestApp } from './helpers/test-app';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('goals and debts REST (e2e)', () => {
  let t: TestApp;
  let alice: { token: string; userId: string };
  let bob: { token: string; userId: string };
  const auth = (who: { token: string }) => ({ Authorization: `Bearer ${who.token}` });

  beforeAll(async () => {
    t = await startTestApp({ TELEGRAM_BOT_TOKEN: undefined, BOT_MODE: 'none' });
    alice = await accessTokenFor(t, 3001);
    bob = await accessTokenFor(t, 3002);
  });
  afterAll(() => t?.close());

  describe('goals', () => {
    it('needs a token', async () => {
      expect((await t.http.get('/api/goals/').expect(401)).body).toEqual({
        detail: 'Authentication credentials were not provided.',
      });
    });

    it('creates, reads, lists, contributes until completed, patches and deletes', async () => {
      const created = await t.http
        .post('/api/goals/')
        .set(auth(alice))
        .send({ title: ' Телефон ', target_amount: '3000000', deadline: '2027-03-01' })
        .expect(201);
      expect(created.body).toEqual({
        id: expect.stringMatching(UUID_RE),
        title: 'Телефон',
        target_amount: '3000000.00',
        saved_amount: '0.00',
        currency: 'UZS',
        deadline: '2027-03-01',
        status: 'active',
        progress_percent: 0,
        created_at: expect.stringMatching(ISO_RE),
        updated_at: expect.stringMatching(ISO_RE),
      });
      expect(Object.keys(created.body)).toEqual([
        'id',
        'title',
        'target_amount',
        'saved_amount',
        'currency',
        'deadline',
        'status',
        'progress_percent',
        'created_at',
        'updated_at',
      ]);
      const id = created.body.id as string;

      expect((await t.http.get(`/api/goals/${id}`).set(auth(alice)).expect(200)).body).toEqual(created.body);

      const step = await t.http
        .post(`/api/goals/${id}/contribute/`)
        .set(auth(alice))
        .send({ amount: '1200000.00' })
        .expect(200);
      expect(step.body).toMatchObject({ saved_amount: '1200000.00', progress_percent: 40, status: 'active' });

      // concurrent contributions all count (atomic UPDATE)
      await Promise.all(
        [1, 2, 3].map(() =>
          t.http.post(`/api/goals/${id}/contribute`).set(auth(alice)).send({ amount: 100000 }).expect(200),
        ),
      );
      const mid = await t.http.get(`/api/goals/${id}/`).set(auth(alice)).expect(200);
      expect(mid.body).toMatchObject({ saved_amount: '1500000.00', progress_percent: 50 });

      const done = await t.http
        .post(`/api/goals/${id}/contribute/`)
        .set(auth(alice))
        .send({ amount: '1500000.01' })
        .expect(200);
      expect(done.body).toMatchObject({
        saved_amount: '3000000.01',
        progress_percent: 100,
        status: 'completed',
      });

      const patched = await t.http
        .patch(`/api/goals/${id}/`)
        .set(auth(alice))
        .send({ target_amount: '5000000', deadline: null, title: 'Новый телефон' })
        .expect(200);
      expect(patched.body).toMatchObject({
        title: 'Новый телефон',
        target_amount: '5000000.00',
        deadline: null,
        status: 'active',
        progress_percent: 60,
      });

      const manual = await t.http
        .patch(`/api/goals/${id}`)
        .set(auth(alice))
        .send({ status: 'completed' })
        .expect(200);
      expect(manual.body.status).toBe('completed');

      await t.http.delete(`/api/goals/${id}/`).set(auth(alice)).expect(204);
      await t.http.get(`/api/goals/${id}/`).set(auth(alice)).expect(404);
    });

    it('validates like DRF', async () => {
      const res = await t.http
        .post('/api/goals/')
        .set(auth(alice))
        .send({ title: '  ', target_amount: '-5', currency: 'XXX', deadline: '01.03.2027' })
        .expect(400);
      expect(res.body).toEqual({
        title: ['This field may not be blank.'],
        target_amount: ['Ensure this value is greater than or equal to 0.01.'],
        currency: ['"XXX" is not a valid choice.'],
        deadline: ['Date has wrong format. Use one of these formats instead: YYYY-MM-DD.'],
      });
      expect((await t.http.post('/api/goals/').set(auth(alice)).send({}).expect(400)).body).toEqual({
        title: ['This field is required.'],
        target_amount: ['This field is required.'],
      });
      const goal = (
        await t.http
          .post('/api/goals/')
          .set(auth(alice))
          .send({ title: 'Laptop', target_amount: 1200, currency: 'usd' })
          .expect(201)
      ).body;
      expect(goal).toMatchObject({ currency: 'USD', target_amount: '1200.00' });
      expect(
        (
          await t.http
            .post(`/api/goals/${goal.id}/contribute/`)
            .set(auth(alice))
            .send({ amount: '0' })
            .expect(400)
        ).body,
      ).toEqual({
        amount: ['Ensure this value is greater than or equal to 0.01.'],
      });
      expect(
        (await t.http.post(`/api/goals/${goal.id}/contribute/`).set(auth(alice)).send({}).expect(400)).body,
      ).toEqual({ amount: ['This field is required.'] });
      expect(
        (
          await t.http
            .post(`/api/goals/${goal.id}/contribute/`)
            .set(auth(alice))
            .send({ amount: '9999999999999.99' })
            .expect(200)
        ).body.saved_amount,
      ).toBe('9999999999999.99');
      expect(
        (
          await t.http
            .post(`/api/goals/${goal.id}/contribute/`)
            .set(auth(alice))
            .send({ amount: '1' })
            .expect(400)
        ).body,
      ).toEqual({
        amount: ['Ensure that the saved amount has no more than 13 digits before the decimal point.'],
      });
      expect((await t.http.get('/api/goals/?status=nope').set(auth(alice)).expect(400)).body).toEqual({
        status: ['Select a valid choice. nope is not one of the available choices.'],
      });
    });

    it('paginates like DRF, active goals first', async () => {
      const { token, userId } = await accessTokenFor(t, 3010);
      const who = { token, userId };
      for (const [i, title] of ['A', 'B', 'C'].entries()) {
        const g = (
          await t.http.post('/api/goals').set(auth(who)).send({ title, target_amount: '100' }).expect(201)
        ).body;
        if (i === 0)
          await t.http
            .post(`/api/goals/${g.id}/contribute/`)
            .set(auth(who))
            .send({ amount: '100' })
            .expect(200);
      }
      const first = await t.http.get('/api/goals/?page_size=2').set(auth(who)).expect(200);
      expect(first.body.count).toBe(3);
      expect(first.body.previous).toBeNull();
      expect(first.body.next).toMatch(/\/api\/goals\/\?page_size=2&page=2$/);
      expect(first.body.results.map((g: { title: string }) => g.title)).toEqual(['B', 'C']);
      const second = await t.http.get('/api/goals/?page_size=2&page=2').set(auth(who)).expect(200);
      expect(second.body.results.map((g: { title: string; status: string }) => [g.title, g.status])).toEqual([
        ['A', 'completed'],
      ]);
      expect((await t.http.get('/api/goals/?status=completed').set(auth(who)).expect(200)).body.count).toBe(
        1,
      );
    });
  });

  describe('debts', () => {
    it('creates, filters, repays partly, refuses over-repayment, closes, patches and deletes', async () => {
      const created = await t.http
        .post('/api/debts/')
        .set(auth(alice))
        .send({
          direction: 'lent',
          counterparty: 'Алишер',
          amount: '200',
          currency: 'USD',
          due_date: '2027-06-01',
          description: 'на ремонт',
        })
        .expect(201);
      expect(created.body).toEqual({
        id: expect.stringMatching(UUID_RE),
        direction: 'lent',
        counterparty: 'Алишер',
        amount: '200.00',
        repaid_amount: '0.00',
        remaining_amount: '200.00',
        currency: 'USD',
        due_date: '2027-06-01',
        status: 'open',
        description: 'на ремонт',
        created_at: expect.stringMatching(ISO_RE),
        updated_at: expect.stringMatching(ISO_RE),
      });
      expect(Object.keys(created.body)).toEqual([
        'id',
        'direction',
        'counterparty',
        'amount',
        'repaid_amount',
        'remaining_amount',
        'currency',
        'due_date',
        'status',
        'description',
        'created_at',
        'updated_at',
      ]);
      const id = created.body.id as string;
      const borrowed = (
        await t.http
          .post('/api/debts')
          .set(auth(alice))
          .send({ direction: 'borrowed', counterparty: 'Брат', amount: '5000000' })
          .expect(201)
      ).body;
      expect(borrowed).toMatchObject({ currency: 'UZS', due_date: null, description: '' });

      const lentList = await t.http.get('/api/debts/?direction=lent').set(auth(alice)).expect(200);
      expect(lentList.body).toMatchObject({ count: 1, next: null, previous: null });
      expect(lentList.body.results[0].id).toBe(id);

      const part = await t.http
        .post(`/api/debts/${id}/repay/`)
        .set(auth(alice))
        .send({ amount: '50' })
        .expect(200);
      expect(part.body).toMatchObject({ repaid_amount: '50.00', remaining_amount: '150.00', status: 'open' });

      const over = await t.http
        .post(`/api/debts/${id}/repay`)
        .set(auth(alice))
        .send({ amount: '150.01' })
        .expect(400);
      expect(over.body).toEqual({
        amount: ['Ensure this value is less than or equal to the remaining amount (150.00).'],
      });

      // two racing repayments of the remaining amount: exactly one wins
      const racing = await Promise.all(
        [1, 2].map(() => t.http.post(`/api/debts/${id}/repay/`).set(auth(alice)).send({ amount: '150' })),
      );
      expect(racing.map((r) => r.status).sort()).toEqual([200, 400]);
      const paid = await t.http.get(`/api/debts/${id}/`).set(auth(alice)).expect(200);
      expect(paid.body).toMatchObject({
        repaid_amount: '200.00',
        remaining_amount: '0.00',
        status: 'closed',
      });

      expect(
        (await t.http.get('/api/debts/?status=open').set(auth(alice)).expect(200)).body.results.map(
          (d: { id: string }) => d.id,
        ),
      ).toEqual([borrowed.id]);
      expect((await t.http.get('/api/debts/?status=shut').set(auth(alice)).expect(400)).body).toEqual({
        status: ['Select a valid choice. shut is not one of the available choices.'],
      });

      const closed = await t.http.post(`/api/debts/${borrowed.id}/close/`).set(auth(alice)).expect(200);
      expect(closed.body).toMatchObject({
        status: 'closed',
        repaid_amount: '0.00',
        remaining_amount: '5000000.00',
      });
      expect(
        (
          await t.http
            .post(`/api/debts/${borrowed.id}/repay/`)
            .set(auth(alice))
            .send({ amount: '1' })
            .expect(400)
        ).body,
      ).toEqual({
        amount: ['This debt is already closed.'],
      });

      const reopened = await t.http
        .patch(`/api/debts/${borrowed.id}/`)
        .set(auth(alice))
        .send({ status: 'open', due_date: '2027-01-15', counterparty: 'Akam' })
        .expect(200);
      expect(reopened.body).toMatchObject({ status: 'open', due_date: '2027-01-15', counterparty: 'Akam' });
      await t.http
        .post(`/api/debts/${borrowed.id}/repay/`)
        .set(auth(alice))
        .send({ amount: '1000000' })
        .expect(200);
      expect(
        (
          await t.http
            .patch(`/api/debts/${borrowed.id}/`)
            .set(auth(alice))
            .send({ amount: '999999' })
            .expect(400)
        ).body,
      ).toEqual({
        amount: ['Ensure this value is greater than or equal to the repaid amount (1000000.00).'],
      });

      await t.http.delete(`/api/debts/${id}/`).set(auth(alice)).expect(204);
      await t.http.get(`/api/debts/${id}/`).set(auth(alice)).expect(404);
    });

    it('validates like DRF', async () => {
      const res = await t.http
        .post('/api/debts/')
        .set(auth(alice))
        .send({ direction: 'gave', counterparty: '', amount: 'abc', due_date: '2027-02-30' })
        .expect(400);
      expect(res.body).toEqual({
        direction: ['"gave" is not a valid choice.'],
        counterparty: ['This field may not be blank.'],
        amount: ['A valid number is required.'],
        due_date: ['Date has wrong format. Use one of these formats instead: YYYY-MM-DD.'],
      });
    });
  });

  it("another user's goal or debt is 404 on every endpoint, and never listed", async () => {
    const goal = (
      await t.http
        .post('/api/goals/')
        .set(auth(alice))
        .send({ title: 'Secret', target_amount: '10' })
        .expect(201)
    ).body;
    const debt = (
      await t.http
        .post('/api/debts/')
        .set(auth(alice))
        .send({ direction: 'lent', counterparty: 'X', amount: '10' })
        .expect(201)
    ).body;
    const calls = [
      t.http.get(`/api/goals/${goal.id}/`),
      t.http.patch(`/api/goals/${goal.id}/`).send({ title: 'mine' }),
      t.http.delete(`/api/goals/${goal.id}/`),
      t.http.post(`/api/goals/${goal.id}/contribute/`).send({ amount: '1' }),
      t.http.get(`/api/debts/${debt.id}/`),
      t.http.patch(`/api/debts/${debt.id}/`).send({ counterparty: 'mine' }),
      t.http.delete(`/api/debts/${debt.id}/`),
      t.http.post(`/api/debts/${debt.id}/repay/`).send({ amount: '1' }),
      t.http.post(`/api/debts/${debt.id}/close/`),
      t.http.get('/api/goals/not-a-uuid/'),
      t.http.post('/api/debts/not-a-uuid/repay/').send({ amount: '1' }),
    ];
    for (const call of calls) {
      const res = await call.set(auth(bob));
      expect([res.status, res.body]).toEqual([404, { detail: 'Not found.' }]);
    }
    expect((await t.http.get('/api/goals/').set(auth(bob)).expect(200)).body.count).toBe(0);
    expect((await t.http.get('/api/debts/').set(auth(bob)).expect(200)).body.count).toBe(0);
    // untouched
    expect((await t.http.get(`/api/goals/${goal.id}/`).set(auth(alice)).expect(200)).body).toMatchObject({
      title: 'Secret',
      saved_amount: '0.00',
    });
    expect((await t.http.get(`/api/debts/${debt.id}/`).set(auth(alice)).expect(200)).body).toMatchObject({
      counterparty: 'X',
      status: 'open',
    });
  });

  it('answers other methods with a DRF 405', async () => {
    const put = await t.http
      .put('/api/goals/00000000-0000-4000-8000-000000000000/')
      .set(auth(alice))
      .send({})
      .expect(405);
    expect(put.body).toEqual({ detail: 'Method "PUT" not allowed.' });
    const get = await t.http
      .get('/api/debts/00000000-0000-4000-8000-000000000000/repay/')
      .set(auth(alice))
      .expect(405);
    expect(get.body).toEqual({ detail: 'Method "GET" not allowed.' });
  });

  it('is documented in OpenAPI', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const paths = Object.fromEntries(
      Object.entries(doc.paths).map(([p, ops]) => [p.replace(/\/$/, ''), Object.keys(ops).sort()]),
    );
    expect(paths).toMatchObject({
      '/api/goals': ['get', 'post'],
      '/api/goals/{id}': ['delete', 'get', 'patch'],
      '/api/goals/{id}/contribute': ['post'],
      '/api/debts': ['get', 'post'],
      '/api/debts/{id}': ['delete', 'get', 'patch'],
      '/api/debts/{id}/repay': ['post'],
      '/api/debts/{id}/close': ['post'],
    });
  });

  it('reminder settings on /api/users/me/', async () => {
    const me = await t.http.get('/api/users/me/').set(auth(alice)).expect(200);
    expect(me.body).toMatchObject({ daily_reminder: false, reminder_time: '21:00' });
    const on = await t.http
      .patch('/api/users/me/')
      .set(auth(alice))
      .send({ daily_reminder: true, reminder_time: '20:30' })
      .expect(200);
    expect(on.body).toMatchObject({ daily_reminder: true, reminder_time: '20:30' });
    expect(
      (
        await t.http
          .patch('/api/users/me/')
          .set(auth(alice))
          .send({ daily_reminder: 'yes', reminder_time: '25:00' })
          .expect(400)
      ).body,
    ).toEqual({
      daily_reminder: ['Must be a valid boolean.'],
      reminder_time: ['Time has wrong format. Use HH:MM, e.g. 21:00.'],
    });
  });
});

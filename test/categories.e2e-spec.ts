import { startTestApp, TestApp } from './helpers/test-app';
import { accessTokenFor } from './helpers/auth';

type Who = { token: string; userId: string };

describe('categories REST (e2e)', () => {
  let t: TestApp;
  let alice: Who;
  let bob: Who;

  const auth = (who: Who) => ({ Authorization: `Bearer ${who.token}` });
  const create = (who: Who, body: object) => t.http.post('/api/categories/').set(auth(who)).send(body);

  beforeAll(async () => {
    t = await startTestApp({ TELEGRAM_BOT_TOKEN: undefined, BOT_MODE: 'none' });
    alice = await accessTokenFor(t, 2001);
    bob = await accessTokenFor(t, 2002);
  });
  afterAll(() => t?.close());

  it('needs a token', async () => {
    await t.http.get('/api/categories/').expect(401);
  });

  it('lists the default categories of docs/interface.md §6, named in the user language', async () => {
    const res = await t.http.get('/api/categories/').set(auth(alice)).expect(200);
    expect(res.body).toHaveLength(18);
    const keys = (type: string) =>
      res.body.filter((c: { type: string }) => c.type === type).map((c: { key: string }) => c.key);
    expect(keys('expense')).toEqual([
      'groceries',
      'cafe',
      'transport',
      'housing',
      'communication',
      'health',
      'clothing',
      'shopping',
      'entertainment',
      'education',
      'gifts',
      'other',
    ]);
    expect(keys('income')).toEqual(['salary', 'freelance', 'business', 'investments', 'gifts', 'other']);
    expect(res.body[0]).toEqual({
      id: null,
      key: 'groceries',
      type: 'expense',
      name: 'Продукты',
      is_default: true,
    });

    for (const [lang, groceries, salary] of [
      ['uz', 'Oziq-ovqat', 'Maosh'],
      ['en', 'Groceries', 'Salary'],
      ['ru', 'Продукты', 'Зарплата'],
    ]) {
      await t.http.patch('/api/users/me/').set(auth(alice)).send({ language: lang }).expect(200);
      const list = await t.http.get('/api/categories').set(auth(alice)).expect(200);
      const name = (type: string, key: string) =>
        list.body.find((c: { type: string; key: string }) => c.type === type && c.key === key).name;
      expect([name('expense', 'groceries'), name('income', 'salary')]).toEqual([groceries, salary]);
    }
  });

  it('filters by type', async () => {
    const res = await t.http.get('/api/categories/?type=income').set(auth(alice)).expect(200);
    expect(res.body.map((c: { key: string }) => c.key)).toEqual([
      'salary',
      'freelance',
      'business',
      'investments',
      'gifts',
      'other',
    ]);
    await t.http.get('/api/categories/?type=both').set(auth(alice)).expect(400);
  });

  it("creates the user's own category, listed after the defaults and only for that user", async () => {
    const res = await create(alice, { name: '  Бензин  ', type: 'expense' }).expect(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      key: `custom:${res.body.id}`,
      type: 'expense',
      name: 'Бензин',
      is_default: false,
    });
    const mine = await t.http.get('/api/categories/?type=expense').set(auth(alice)).expect(200);
    expect(mine.body[mine.body.length - 1]).toEqual(res.body);
    const bobs = await t.http.get('/api/categories/').set(auth(bob)).expect(200);
    expect(bobs.body).toHaveLength(18);
    await t.http.get(`/api/categories/${res.body.id}/`).set(auth(alice)).expect(200);
    await t.http.get(`/api/categories/${res.body.id}/`).set(auth(bob)).expect(404);
  });

  it('refuses duplicate names per user and type (any case), and names of default categories', async () => {
    await create(alice, { name: 'Хобби', type: 'expense' }).expect(201);
    const dup = await create(alice, { name: 'ХОББИ', type: 'expense' }).expect(400);
    expect(dup.body).toEqual({ name: ['A category with this name already exists.'] });
    await create(alice, { name: 'Хобби', type: 'income' }).expect(201);
    await create(bob, { name: 'Хобби', type: 'expense' }).expect(201);
    const def = await create(alice, { name: 'продукты', type: 'expense' }).expect(400);
    expect(def.body).toEqual({ name: ['A category with this name already exists.'] });
    await create(alice, { name: 'Groceries', type: 'expense' }).expect(400);
  });

  it('creates one category when the same name is posted concurrently', async () => {
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => create(alice, { name: 'Спорт', type: 'expense' })),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([201, 400, 400, 400, 400]);
    const rows = await t.db.query(
      `SELECT count(*)::int AS n FROM categories WHERE user_id = $1 AND name = 'Спорт'`,
      [alice.userId],
    );
    expect(rows[0].n).toBe(1);
  });

  it.each([
    [{}, { name: ['This field is required.'], type: ['This field is required.'] }],
    [{ name: '', type: 'expense' }, { name: ['This field may not be blank.'] }],
    [{ name: '   ', type: 'expense' }, { name: ['This field may not be blank.'] }],
    [
      { name: 'x'.repeat(65), type: 'expense' },
      { name: ['Ensure this field has no more than 64 characters.'] },
    ],
    [{ name: 42, type: 'expense' }, { name: ['Not a valid string.'] }],
    [{ name: 'Ok', type: 'transfer' }, { type: ['"transfer" is not a valid choice.'] }],
    [
      { name: null, type: null },
      { name: ['This field may not be null.'], type: ['This field may not be null.'] },
    ],
  ])('refuses %j', async (body, errors) => {
    const res = await create(alice, body).expect(400);
    expect(res.body).toEqual(errors);
  });

  describe('with transactions', () => {
    let categoryId: string;
    let key: string;
    let txId: string;

    beforeAll(async () => {
      const c = await create(alice, { name: 'Такси комфорт', type: 'expense' }).expect(201);
      categoryId = c.body.id;
      key = c.body.key;
      const tx = await t.http
        .post('/api/transactions/')
        .set(auth(alice))
        .send({ type: 'expense', amount: '45000', category: key })
        .expect(201);
      txId = tx.body.id;
      expect(tx.body).toMatchObject({ category: key, category_name: 'Такси комфорт' });
    });

    it('is usable only by its owner and for its type', async () => {
      const income = await t.http
        .post('/api/transactions/')
        .set(auth(alice))
        .send({ type: 'income', amount: '1', category: key })
        .expect(400);
      expect(income.body).toEqual({ category: [`"${key}" is not a valid choice.`] });
      await t.http
        .post('/api/transactions/')
        .set(auth(bob))
        .send({ type: 'expense', amount: '1', category: key })
        .expect(400);
      const filtered = await t.http
        .get(`/api/transactions/?category=${encodeURIComponent(key)}`)
        .set(auth(alice))
        .expect(200);
      expect(filtered.body.results.map((r: { id: string }) => r.id)).toEqual([txId]);
    });

    it('renames, and transactions show the new name', async () => {
      const res = await t.http
        .patch(`/api/categories/${categoryId}/`)
        .set(auth(alice))
        .send({ name: 'Такси бизнес' })
        .expect(200);
      expect(res.body).toMatchObject({ id: categoryId, key, name: 'Такси бизнес', type: 'expense' });
      const tx = await t.http.get(`/api/transactions/${txId}/`).set(auth(alice)).expect(200);
      expect(tx.body.category_name).toBe('Такси бизнес');
      const byKey = await t.http
        .patch(`/api/categories/${key}`)
        .set(auth(alice))
        .send({ name: 'Такси' })
        .expect(200);
      expect(byKey.body.name).toBe('Такси');
    });

    it('refuses a rename to a taken name, a type change, other users and defaults', async () => {
      const taken = await t.http
        .patch(`/api/categories/${categoryId}/`)
        .set(auth(alice))
        .send({ name: 'хобби' })
        .expect(400);
      expect(taken.body).toEqual({ name: ['A category with this name already exists.'] });
      const typed = await t.http
        .patch(`/api/categories/${categoryId}/`)
        .set(auth(alice))
        .send({ name: 'X', type: 'income' })
        .expect(400);
      expect(typed.body).toEqual({ type: ['The type of a category cannot be changed.'] });
      const other = await t.http
        .patch(`/api/categories/${categoryId}/`)
        .set(auth(bob))
        .send({ name: 'Чужое' })
        .expect(404);
      expect(other.body).toEqual({ detail: 'Not found.' });
      await t.http.delete(`/api/categories/${categoryId}/`).set(auth(bob)).expect(404);
      await t.http.patch('/api/categories/not-a-uuid/').set(auth(alice)).send({ name: 'X' }).expect(404);
      for (const req of [
        t.http.patch('/api/categories/groceries/').send({ name: 'Еда' }),
        t.http.delete('/api/categories/groceries/'),
      ]) {
        const res = await req.set(auth(alice)).expect(400);
        expect(res.body).toEqual({ detail: 'Default categories cannot be renamed or deleted.' });
      }
    });

    it("deletes, moving its transactions to 'other'", async () => {
      const other = await t.http
        .post('/api/transactions/')
        .set(auth(alice))
        .send({ type: 'expense', amount: '2', category: 'cafe' })
        .expect(201);
      await t.http.delete(`/api/categories/${categoryId}/`).set(auth(alice)).expect(204);
      const tx = await t.http.get(`/api/transactions/${txId}/`).set(auth(alice)).expect(200);
      expect(tx.body).toMatchObject({ category: 'other', category_name: 'Прочее' });
      const untouched = await t.http.get(`/api/transactions/${other.body.id}/`).set(auth(alice)).expect(200);
      expect(untouched.body.category).toBe('cafe');
      await t.http.get(`/api/categories/${categoryId}/`).set(auth(alice)).expect(404);
      await t.http.delete(`/api/categories/${categoryId}/`).set(auth(alice)).expect(404);
      await t.http
        .post('/api/transactions/')
        .set(auth(alice))
        .send({ type: 'expense', amount: '1', category: key })
        .expect(400);
    });
  });
});

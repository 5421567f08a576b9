// What GET /api/transactions/balance/ and GET /api/transactions/ (a page of 20) must do, without the framework
// (issue 16, docs/benchmarks-analysis.md): the bound any HTTP layer leaves for REST, as bench/lean-bot.js is for the
// webhook. Plain node:http running the app's compiled code (dist/): the bearer token read and verified (HS256 with
// the key object the app makes, the claims' shape and type), the user read by id (UsersRepository.findById), then the
// balances with the conversion to the user's currency at the Central Bank's rates (TransactionsService's own
// balanceSummary on its repositories and RatesService, balanceJson) or the page and its count
// (TransactionsRepository.page, transactionJson with the category's name, DRF's count/next/previous/results) — the
// same statements as the app's. Left out: NestJS, Express, helmet, passport, the guards, the validation pipe, the
// host check, CORS. Measurement only.
// Env: PORT, DATABASE_URL (migrated by the app), SECRET_KEY, CBU_RATES_URL.
'use strict';
const { createServer } = require('node:http');
const { run } = require('./webhook-bot');
const { join } = require('node:path');
const { verify } = require('jsonwebtoken');
const { DataSource } = require('typeorm');

const dist = (path) => require(join(__dirname, '..', 'dist', path));
const { buildDataSourceOptions } = dist('database/data-source');
const { hs256Key } = dist('modules/auth/jwt-key');
const { claimsShapeOk } = dist('modules/auth/tokens.service');
const { readBearer } = dist('common/guards/jwt-auth.guard');
const { UsersRepository } = dist('modules/users/users.repository');
const { User } = dist('modules/users/user.entity');
const { TransactionsRepository } = dist('modules/transactions/transactions.repository');
const { Transaction } = dist('modules/transactions/transaction.entity');
const { balanceJson, transactionJson } = dist('modules/transactions/transactions.presenter');
const { listOrder } = dist('modules/transactions/transactions.query');
const { paginated } = dist('common/http/pagination');
const { TransactionsService } = dist('modules/transactions/transactions.service');
const { RatesService } = dist('modules/rates/rates.service');
const { RatesRepository } = dist('modules/rates/rates.repository');
const { ExchangeRate } = dist('modules/rates/exchange-rate.entity');
const { CbuRatesClient } = dist('modules/rates/cbu-rates.client');
const { defaultCategoryName } = dist('modules/categories/category-names');
const { isAnyDefaultCategory } = dist('modules/categories/category-keys');

const env = process.env;
const PAGE_SIZE = 20;

function answer(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function main() {
  const dataSource = await new DataSource(
    buildDataSourceOptions(env.DATABASE_URL, { embedded: false, poolSize: 10 }),
  ).initialize();
  const users = new UsersRepository(dataSource.getRepository(User));
  const transactions = new TransactionsRepository(dataSource.getRepository(Transaction));
  const key = hs256Key(env.SECRET_KEY);
  const rates = new RatesService(
    new RatesRepository(dataSource.getRepository(ExchangeRate)),
    new CbuRatesClient({ cbuRatesUrl: env.CBU_RATES_URL }),
  );
  // TransactionsService.balanceSummary with the two collaborators it uses for an unfiltered balance
  const summary = { transactions, rates, balance: TransactionsService.prototype.balance };

  /** The bearer's user, or null (401). */
  async function userOf(req) {
    const bearer = readBearer(req.headers.authorization);
    if (bearer.kind !== 'token') return null;
    let claims;
    try {
      claims = verify(bearer.token, key, { algorithms: ['HS256'] });
    } catch {
      return null;
    }
    if (!claimsShapeOk(claims) || claims.token_type !== 'access') return null;
    return users.findById(claims.user_id);
  }

  async function balance(user) {
    return balanceJson(
      await TransactionsService.prototype.balanceSummary.call(summary, user.id, user.currency),
    );
  }

  async function page(user, req) {
    const { rows, count } = await transactions.page(user.id, {}, listOrder({}), 0, PAGE_SIZE);
    // the default categories' names (the app reads the user's own categories only when a row has one)
    const name = (k) => (isAnyDefaultCategory(k) ? defaultCategoryName(k, user.language) : k);
    const results = rows.map((tx) => transactionJson(tx, name(tx.category)));
    // the app's DRF page with its links, on what it reads of Express's request
    return paginated(
      { originalUrl: req.url, headers: req.headers, protocol: 'http' },
      1,
      PAGE_SIZE,
      count,
      results,
    );
  }

  createServer((req, res) => {
    const path = req.url.split('?')[0];
    if (path === '/health/') return answer(res, 200, { status: 'ok' });
    const handler =
      path === '/api/transactions/balance/' ? balance : path === '/api/transactions/' ? page : null;
    if (!handler || req.method !== 'GET') return answer(res, 404, { detail: 'Not found.' });
    userOf(req)
      .then((user) =>
        user
          ? handler(user, req).then((body) => answer(res, 200, body))
          : answer(res, 401, { detail: 'Given token not valid for any token type' }),
      )
      .catch(() => answer(res, 500, { detail: 'A server error occurred.' }));
  }).listen(Number(env.PORT), '127.0.0.1');
}

run(main);

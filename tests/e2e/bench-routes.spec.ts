import { expect, test } from '@playwright/test';
import { signIn } from './support';

// The benchmark's routes ship in every build; without BENCH_ROUTES=1 (as here)
// they must be indistinguishable from routes that do not exist.

test('the public benchmark routes answer 404 without BENCH_ROUTES', async ({
  request,
}) => {
  const plain = await request.get('/bench/open/plain');
  const ping = await request.get('/bench/open/ping');

  expect(plain.status()).toBe(404);
  expect(await plain.text()).not.toContain('Plain page');
  expect(ping.status()).toBe(404);
});

test('the protected benchmark routes still ask for a sign-in', async ({ request }) => {
  const response = await request.get('/bench/sequential', { maxRedirects: 0 });

  expect(response.status()).toBe(307);
  expect(response.headers().location).toContain('/login');
});

test('the protected benchmark routes answer 404 to a signed-in customer', async ({
  page,
}) => {
  await signIn(page, 'alice@kraken.example');
  await expect(page).toHaveURL(/\/dashboard$/);

  const sequential = await page.request.get('/bench/sequential');
  const ping = await page.request.get('/bench/ping');

  expect(sequential.status()).toBe(404);
  expect(await sequential.text()).not.toContain('Sequential dashboard');
  expect(ping.status()).toBe(404);
});

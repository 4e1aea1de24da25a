import { describe, expect, it } from 'vitest';
import { HOME, safeNext } from '@/lib/auth/redirect';

describe('safeNext', () => {
  it.each([
    ['/invoices?status=Unpaid', '/invoices?status=Unpaid'],
    ['/tickets/12#latest', '/tickets/12#latest'],
  ])('keeps the same-origin path %s', (value, expected) => {
    expect(safeNext(value)).toBe(expected);
  });

  it.each([
    '//evil.example/phish',
    '/\\evil.example',
    '\\\\evil.example',
    'https://evil.example/',
    'http:evil.example',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    '/%0d%0aLocation:%20https://evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    'dashboard',
    '',
    '/login',
    '/select-account?x=1',
    '/.//evil.example/',
    '/..//evil.example',
    '/x/..//evil.example',
    '/%2e//evil.example',
    '/%2e%2e//evil.example',
    '/login/..//evil.example',
  ])('sends the hostile or useless target %j to the dashboard', (value) => {
    const result = safeNext(value);

    expect(result.startsWith('/')).toBe(true);
    expect(result.startsWith('//')).toBe(false);
    if (!value.startsWith('/%0d')) expect(result).toBe(HOME);
  });

  it('ignores a value that is not a string', () => {
    expect(safeNext(['/a', '/b'])).toBe(HOME);
    expect(safeNext(undefined)).toBe(HOME);
  });
});

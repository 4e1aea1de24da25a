import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  checkNameservers,
  nameserverFields,
  nameserverList,
  nameserverProblem,
  normalizeNameserver,
} from '@/lib/portal/nameservers';

// Nameserver names are checked as strictly as registries check them.

const schema = z
  .object(nameserverFields)
  .superRefine((values, ctx) => checkNameservers(values, ctx))
  .transform(nameserverList);

describe('nameserverProblem', () => {
  it.each([
    'ns1.example.com',
    'a.ns.example',
    'ns-1.dns.example.co.uk',
    'ns1.xn--mnchen-3ya.de',
    'ns1.example.xn--p1ai',
    `${'a'.repeat(63)}.example`,
    '1.2.3.example',
  ])('accepts %s', (name) => {
    expect(nameserverProblem(name)).toBeNull();
  });

  it.each([
    ['192.0.2.1', 'IP address'],
    ['2001:db8::1', 'IP address'],
    ['ns1.münchen.de', 'xn--'],
    ['ns1_example.com', 'letters, digits'],
    ['ns1..example.com', 'cannot start or end'],
    ['-ns1.example.com', 'cannot start or end'],
    ['ns1-.example.com', 'cannot start or end'],
    ['example', 'full name'],
    ['ns1.example.c', 'real domain ending'],
    ['ns1.example.123', 'real domain ending'],
    [`${'a'.repeat(64)}.example`, 'at most 63'],
    [`${'abcdefgh.'.repeat(28)}example`, 'at most 253'],
    ['ns1.example.com/evil', 'letters, digits'],
    ['ns1.example.com\nns2', 'letters, digits'],
  ])('refuses %s', (name, says) => {
    expect(nameserverProblem(name)).toContain(says);
  });
});

describe('the five fields together', () => {
  it('lowercases, trims a root dot and closes gaps', () => {
    expect(
      schema.parse({ ns1: ' NS1.Example.COM. ', ns2: '', ns3: 'ns3.example.com' }),
    ).toEqual(['ns1.example.com', 'ns3.example.com']);
    expect(normalizeNameserver('A.B.')).toBe('a.b');
  });

  it('needs two and refuses the same one twice, naming the field', () => {
    const one = schema.safeParse({ ns1: 'ns1.example.com' });
    const twice = schema.safeParse({ ns1: 'ns1.example.com', ns2: 'NS1.example.com.' });

    expect(one.error?.issues.map((i) => i.path)).toEqual([['ns2']]);
    expect(twice.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [['ns2'], 'This nameserver is listed twice.'],
    ]);
  });

  it('takes five at most: there is no sixth field', () => {
    expect(Object.keys(nameserverFields)).toEqual(['ns1', 'ns2', 'ns3', 'ns4', 'ns5']);
  });
});

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  bool,
  date,
  flag,
  int,
  list,
  money,
  nested,
  optInt,
  text,
} from '@/lib/whmcs/wire';

const row = z.object({ id: int });
const transactions = z.object({ transactions: nested('transaction', row) });

describe('numbers and strings', () => {
  it.each([[7], ['7'], [' 7 ']])('reads the integer %j as 7', (input) => {
    expect(int.parse(input)).toBe(7);
  });

  it.each([['7.5'], [''], ['7a'], [7.5], [null]])('rejects %j as an integer', (input) => {
    expect(int.safeParse(input).success).toBe(false);
  });

  it('reads "", null and a missing count as 0', () => {
    expect([optInt.parse(''), optInt.parse(null), optInt.parse(undefined)]).toEqual([
      0, 0, 0,
    ]);
  });

  it('turns a ticket number sent as a JSON number into a string', () => {
    expect(text.parse(516757)).toBe('516757');
  });
});

describe('money', () => {
  it('keeps a decimal string digit for digit', () => {
    expect(money.parse('0.000')).toBe('0.000');
  });

  it('turns a JSON number into its exact decimal string', () => {
    expect(money.parse(15.95)).toBe('15.95');
  });

  it.each([['$15.95'], ['15,95'], [''], [1e21]])('rejects %j as an amount', (input) => {
    expect(money.safeParse(input).success).toBe(false);
  });
});

describe('dates', () => {
  it('reads YYYY-MM-DD as midnight UTC', () => {
    expect(date.parse('2016-01-08')?.toISOString()).toBe('2016-01-08T00:00:00.000Z');
  });

  it('reads YYYY-MM-DD HH:MM:SS as UTC', () => {
    expect(date.parse('2016-01-01 06:26:29')?.toISOString()).toBe(
      '2016-01-01T06:26:29.000Z',
    );
  });

  it.each([['0000-00-00'], ['0000-00-00 00:00:00'], [''], [null], [undefined]])(
    'reads %j as no date',
    (input) => {
      expect(date.parse(input)).toBeNull();
    },
  );

  it.each([
    ['2016-02-30'],
    ['17/05/2019 10:01'],
    ['2016-1-02 13:59:01'],
    ['2016-01-01 24:00:00'],
  ])('rejects %j', (input) => {
    expect(date.safeParse(input).success).toBe(false);
  });
});

describe('booleans', () => {
  it.each([[1], ['1'], [true], ['true'], ['on']])('reads %j as true', (input) => {
    expect(bool.parse(input)).toBe(true);
  });

  it.each([[0], ['0'], [false], ['false'], ['']])('reads %j as false', (input) => {
    expect(bool.parse(input)).toBe(false);
  });

  it.each([['yes'], [2], [null]])('rejects %j as a boolean', (input) => {
    expect(bool.safeParse(input).success).toBe(false);
  });

  it('reads a missing flag as false', () => {
    expect(z.object({ taxed: flag }).parse({})).toEqual({ taxed: false });
  });
});

describe('lists', () => {
  it('reads the nested {plural:{singular:[...]}} shape', () => {
    const wire = { transactions: { transaction: [{ id: 5001 }, { id: '5002' }] } };

    expect(transactions.parse(wire).transactions).toEqual([{ id: 5001 }, { id: 5002 }]);
  });

  it('reads a numeric-keyed object as a list in key order', () => {
    const wire = {
      transactions: { transaction: { '1': { id: 6002 }, '0': { id: 6001 } } },
    };

    expect(transactions.parse(wire).transactions).toEqual([{ id: 6001 }, { id: 6002 }]);
  });

  it('reads a lone object as a list of one', () => {
    const wire = { transactions: { transaction: { id: 7001 } } };

    expect(transactions.parse(wire).transactions).toEqual([{ id: 7001 }]);
  });

  it.each([[{}], [''], [[]], [{ transaction: [] }], [null]])(
    'reads %j as empty',
    (value) => {
      expect(transactions.parse({ transactions: value }).transactions).toEqual([]);
    },
  );

  it('reads a missing list as empty', () => {
    expect(transactions.parse({}).transactions).toEqual([]);
  });

  it('reads a flat array where the newer actions send one', () => {
    expect(list(row).parse([{ id: 1 }, { id: '2' }])).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it('rejects a list whose row does not match', () => {
    expect(list(row).safeParse([{ id: 'x' }]).success).toBe(false);
  });

  it('rejects a scalar where a list belongs', () => {
    expect(list(row).safeParse(5).success).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { shapeDiff, shapeOf, type Allowance } from '../support/json-shape';
import { example } from '../support/sim-http';

// The comparer behind the conformance tests must itself catch each kind of drift.
const diff = (actual: unknown, reference: unknown, allow: Allowance[] = []) =>
  shapeDiff(shapeOf(actual), shapeOf(reference), allow);

describe('shapeDiff', () => {
  it('accepts an answer identical to the example', () => {
    const invoice = example('GetInvoice');

    expect(diff(invoice, invoice)).toEqual([]);
  });

  it('reports a number where the example has a string', () => {
    const reference = example('GetTickets') as { totalresults: string };

    const problems = diff({ ...reference, totalresults: 2 }, reference);

    expect(problems).toEqual(['totalresults: expected string, got number']);
  });

  it('reports a missing key and an extra key', () => {
    const problems = diff(
      { result: 'success', extra: 1 },
      { result: 'success', userid: '1' },
    );

    expect(problems).toEqual(['userid: missing', 'extra: not in the example']);
  });

  it('compares every list element with the example element, recursively', () => {
    const reference = { items: { item: [{ id: 1, amount: '1.00' }] } };
    const actual = {
      items: {
        item: [
          { id: 1, amount: '1.00' },
          { id: '2', amount: '1.00' },
        ],
      },
    };

    expect(diff(actual, reference)).toEqual([
      'items.item[].id: expected number, got string',
    ]);
  });

  it('fills an empty list in the first example element from a later element', () => {
    const reference = { rows: [{ opts: { opt: [] } }, { opts: { opt: [{ id: '1' }] } }] };
    const actual = { rows: [{ opts: { opt: [{ id: 1 }] } }] };

    expect(diff(actual, reference)).toEqual([
      'rows[].opts.opt[].id: expected string, got number',
    ]);
  });

  it('reports items in a list the example only shows empty', () => {
    expect(diff({ list: [1] }, { list: [] })).toEqual([
      "list: the example's list is empty, got items",
    ]);
  });

  it('applies an allowance only at its own path', () => {
    const allow: Allowance[] = [{ path: 'passwordhash', missing: true, why: '2FA' }];

    expect(diff({ result: 'x' }, { result: 'x', passwordhash: 'h' }, allow)).toEqual([]);
    expect(diff({ a: {} }, { a: { passwordhash: 'h' } }, allow)).toEqual([
      'a.passwordhash: missing',
    ]);
  });

  it('accepts a documented alternative shape but still checks inside it', () => {
    const allow: Allowance[] = [
      { path: 't', alternative: shapeOf({ row: [{ id: '1' }] }), why: 'non-empty' },
    ];

    expect(diff({ t: { row: [{ id: '5' }] } }, { t: '' }, allow)).toEqual([]);
    expect(diff({ t: { row: [{ id: 5 }] } }, { t: '' }, allow)).toEqual([
      't: expected string, got object',
    ]);
  });

  it('checks the values of a date-keyed map against the first example value', () => {
    const allow: Allowance[] = [{ path: 'byday', dynamicKeys: true, why: 'dates' }];
    const reference = { byday: { '2018-11-30': 8 } };

    expect(
      diff({ byday: { '2026-01-01': 3, '2026-01-02': 4 } }, reference, allow),
    ).toEqual([]);
    expect(diff({ byday: { '2026-01-01': '3' } }, reference, allow)).toEqual([
      'byday.*: expected number, got string',
    ]);
  });
});

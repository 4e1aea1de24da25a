import { describe, expect, it } from 'vitest';
import { hrefWith, parseChoice, parseId, parsePage } from '@/components/route-params';

describe('parseId', () => {
  it('accepts a positive integer', () => {
    expect(parseId('1036')).toBe(1036);
  });

  it.each(['0', '-1', '1.5', '1e3', '01', 'abc', '', ' 7', '99999999999', '0x1f'])(
    'answers not found for %j',
    (raw) => {
      expect(() => parseId(raw)).toThrow(
        expect.objectContaining({ digest: 'NEXT_HTTP_ERROR_FALLBACK;404' }),
      );
    },
  );
});

describe('parsePage', () => {
  it.each([
    [{}, 1],
    [{ page: '3' }, 3],
    [{ page: ['2', '5'] }, 2],
    [{ page: '0' }, 1],
    [{ page: '-4' }, 1],
    [{ page: 'x' }, 1],
    [{ page: '2.5' }, 1],
  ])('reads %j as page %i', (params, expected) => {
    expect(parsePage(params)).toBe(expected);
  });
});

describe('parseChoice', () => {
  const statuses = ['Paid', 'Unpaid'] as const;

  it('keeps a known value and drops anything else', () => {
    expect(parseChoice('Unpaid', statuses)).toBe('Unpaid');
    expect(parseChoice('unpaid', statuses)).toBeUndefined();
    expect(parseChoice(['Paid', 'Unpaid'], statuses)).toBe('Paid');
    expect(parseChoice(undefined, statuses)).toBeUndefined();
  });
});

describe('hrefWith', () => {
  it('encodes the query and leaves out empty values', () => {
    const href = hrefWith('/tickets', { status: 'All Active Tickets', page: undefined });

    expect(href).toBe('/tickets?status=All+Active+Tickets');
    expect(hrefWith('/services', {})).toBe('/services');
  });
});

import { describe, expect, it } from 'vitest';
import { hiddenRecordId, recordId } from '@/lib/portal/record-id';

describe('record ids from forms', () => {
  it.each(['1', '42', '2147483647'])('reads %s as a number', (raw) => {
    expect(hiddenRecordId.parse(raw)).toBe(Number(raw));
  });

  it.each([
    '0',
    '-1',
    '01',
    '1e3',
    '0x10',
    ' 7',
    '7 ',
    '1.5',
    '',
    '2147483648',
    '9999999999',
  ])('refuses %j with the field’s own message', (raw) => {
    const parsed = recordId('Choose a ticket.').safeParse(raw);

    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('Choose a ticket.');
  });

  it('refuses what is not a string, such as a file', () => {
    expect(hiddenRecordId.safeParse(new Blob(['1'])).success).toBe(false);
    expect(hiddenRecordId.safeParse(7).success).toBe(false);
  });
});

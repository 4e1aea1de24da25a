import { describe, expect, it } from 'vitest';
import { cancellationTiming } from '@/lib/portal/service-rules';

// When a cancellation can take effect: at the end of the paid period only while
// that end is still ahead; otherwise only immediately, with the reason.

const NOW = new Date('2026-12-04T15:30:00Z');
const day = (ymd: string) => new Date(`${ymd}T00:00:00Z`);

describe('cancellationTiming', () => {
  it('offers the end of the paid period while its due date is ahead', () => {
    expect(cancellationTiming({ nextDueDate: day('2026-12-05') }, NOW)).toEqual({
      endOfPeriod: day('2026-12-05'),
    });
  });

  it.each(['2026-12-04', '2026-11-20'])(
    'offers only immediately once the due date (%s) has come',
    (due) => {
      expect(cancellationTiming({ nextDueDate: day(due) }, NOW)).toEqual({
        endOfPeriod: null,
        because: 'period-over',
        dueDate: day(due),
      });
    },
  );

  it('offers only immediately for a service that is not billed again', () => {
    expect(cancellationTiming({ nextDueDate: null }, NOW)).toEqual({
      endOfPeriod: null,
      because: 'no-billing-period',
      dueDate: null,
    });
  });
});

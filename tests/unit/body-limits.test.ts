import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import config from '@/next.config';
import { TICKET_FILES } from '@/lib/portal/file-rules';
import { MESSAGE_MAX, SUBJECT_MAX } from '@/lib/portal/ticket-limits';

// The request body limits in next.config.ts are set from the ticket forms'
// own limits: the largest submission the forms allow must fit, so the server
// (not Next) answers for every file it refuses up to there; and the proxy must
// copy at least as much as the action accepts, or it would cut bodies short.

const bytes = createRequire(import.meta.url)('next/dist/compiled/bytes') as {
  parse(value: string | number): number;
};

// Multipart headers per part (boundary, Content-Disposition with a long file
// name, Content-Type), generously.
const PART_OVERHEAD = 1024;
// The hidden fields (submission key, ids, React's action fields without JavaScript).
const FORM_OVERHEAD = 16 * 1024;

const largestTicketForm =
  TICKET_FILES.maxFiles * (TICKET_FILES.maxBytes + PART_OVERHEAD) +
  // Four bytes per character at worst in UTF-8.
  4 * (MESSAGE_MAX + SUBJECT_MAX) +
  FORM_OVERHEAD;

describe('request body limits', () => {
  const action = bytes.parse(config.experimental?.serverActions?.bodySizeLimit ?? '1mb');
  const proxy = bytes.parse(config.experimental?.proxyClientMaxBodySize ?? '10mb');

  it('let the largest ticket form through to the server action', () => {
    expect(action).toBeGreaterThanOrEqual(largestTicketForm);
  });

  it('are not far above it: a body of no use is cut off by Next before any code runs', () => {
    expect(action - largestTicketForm).toBeLessThan(2 * 1024 * 1024);
  });

  it('have the proxy copy more than the action accepts', () => {
    expect(proxy).toBeGreaterThan(action);
  });
});

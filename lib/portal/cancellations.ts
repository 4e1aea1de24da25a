import 'server-only';
import { z } from 'zod';
import { nowSeconds } from '@/lib/auth/session-record';
import { store } from '@/lib/store';
import {
  CANCELLATION_TYPES,
  type CancellationType,
  type Service,
} from '@/lib/whmcs/types';

// Which services have a cancellation request open
// (docs/whmcs.md#cancellation-requests). WHMCS keeps one request per service,
// but its API can only list every client's requests together
// (GetCancelledPackages, unfiltered), and GetClientsProducts shows nothing
// until staff act on a request. So the portal keeps a note per service when it
// files a request, or when WHMCS refuses one because a request exists (made in
// WHMCS's client area, or through the portal before the note was lost); the
// note lasts until the request must have been carried out.

export type CancellationNote = { type: CancellationType | 'unknown'; at: number };

const DAY = 86_400;
/** Immediate requests run at WHMCS's next daily automation; a week is ample. */
const GRACE = 7 * DAY;
const MAX = 3 * 366 * DAY;

const note = z.object({
  type: z.enum([...CANCELLATION_TYPES, 'unknown']),
  at: z.number().int(),
});

const nameOf = (clientId: number, serviceId: number) =>
  `cancellation:${clientId}:${serviceId}`;

/** How long the note matters: past the end of the paid period for a request at its end. */
function lifetime(service: Pick<Service, 'nextDueDate'>, type: CancellationNote['type']) {
  if (type === 'Immediate' || !service.nextDueDate) return GRACE;
  const due = Math.floor(service.nextDueDate.getTime() / 1000);

  return Math.min(MAX, Math.max(GRACE, due - nowSeconds() + GRACE));
}

export async function rememberCancellation(
  clientId: number,
  service: Pick<Service, 'id' | 'nextDueDate'>,
  type: CancellationNote['type'],
): Promise<void> {
  const value: CancellationNote = { type, at: nowSeconds() };
  await store().counters.remember(
    nameOf(clientId, service.id),
    JSON.stringify(value),
    lifetime(service, type),
  );
}

/** The open request the portal knows of, or null (also when the store cannot say). */
export async function pendingCancellation(
  clientId: number,
  serviceId: number,
): Promise<CancellationNote | null> {
  try {
    const kept = await store().counters.recall(nameOf(clientId, serviceId));
    const parsed = kept === null ? null : note.safeParse(JSON.parse(kept));

    return parsed?.success ? parsed.data : null;
  } catch {
    return null;
  }
}

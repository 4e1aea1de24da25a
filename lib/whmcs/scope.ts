import 'server-only';
import { logInRequest } from '@/lib/request';
import { WhmcsInvalidError, WhmcsNotFoundError } from '@/lib/whmcs/errors';
import type { Owned, RowPage } from '@/lib/whmcs/schemas/common';
import type { Page } from '@/lib/whmcs/types';

// WHMCS's admin API sees every client; its clientid/userid filters trust the
// caller (docs/whmcs.md#the-admin-api-trusts-the-caller). These checks make sure
// a client only ever gets its own records, and that someone else's record reads
// exactly like a missing one.

export type PageRequest = { offset?: number; limit?: number };

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 250;

function isId(value: number): boolean {
  return Number.isSafeInteger(value) && value > 0;
}

/** Ids that come from the session scope every call; a bad one is a bug, not a 404. */
export function assertId(name: string, value: number): void {
  if (!isId(value)) throw new RangeError(`${name} must be a positive integer`);
}

export function assertClientId(clientId: number): void {
  assertId('clientId', clientId);
}

/** Offset and limit as plain numbers, so a cached read can key on them. */
export function pageArgs({ offset = 0, limit = DEFAULT_PAGE_SIZE }: PageRequest) {
  if (!Number.isSafeInteger(offset) || offset < 0) throw new RangeError('bad offset');
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new RangeError('bad limit');
  }

  return [offset, limit] as const;
}

/** The error WHMCS itself gives for a missing record (HTTP 200, `result=error`). */
export function notFound(action: string, message: string): WhmcsNotFoundError {
  return new WhmcsNotFoundError(action, message, {
    httpStatus: 200,
    whmcsMessage: message,
  });
}

/** Guards a requested id before asking WHMCS: 0 or "" would widen the query. */
export function assertRecordId(action: string, recordId: number, message: string): void {
  if (!isId(recordId)) throw notFound(action, message);
}

/** A record is returned only if it is the one asked for and the client owns it. */
export function ownedRecord<T extends { id: number }>(
  action: string,
  clientId: number,
  recordId: number,
  row: Owned<T> | undefined,
  message: string,
): T {
  if (row?.value.id !== recordId) throw notFound(action, message);
  if (row.ownerId !== clientId) {
    void logInRequest('warn', {
      event: 'whmcs.ownership.denied',
      action,
      clientId,
      recordId,
    });
    throw notFound(action, message);
  }

  return row.value;
}

/** A client-scoped list where WHMCS returned another client's row ignored the filter. */
export function ownedPage<T>(
  action: string,
  clientId: number,
  page: RowPage<T>,
): Page<T> {
  if (page.rows.some((row) => row.ownerId !== clientId)) {
    void logInRequest('error', { event: 'whmcs.scope.violated', action, clientId });
    throw new WhmcsInvalidError(action, 'list holds rows of another client');
  }

  return {
    items: page.rows.map((row) => row.value),
    total: page.total,
    offset: page.offset,
  };
}

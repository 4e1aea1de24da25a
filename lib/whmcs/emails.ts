import 'server-only';
import { cache } from 'react';
import { schemas } from '@/lib/whmcs/schemas';
import * as scope from '@/lib/whmcs/scope';
import { call } from '@/lib/whmcs/transport';
import type { EmailMessage, Page } from '@/lib/whmcs/types';

// The client's email log. GetEmails lists by client and has no way to ask for
// one email by id, so one email is found by reading the client's own list: an
// id of another client's email is simply not on it, and reads as missing.

const MISSING = 'Email Not Found';
const ACTION = 'GetEmails';

/** Emails read per call while looking for one. */
const SEARCH_PAGE = 100;
/** How far back one email is looked for; older ones read as missing. */
export const SEARCH_DEPTH = 2_000;

const listOnce = cache(
  async (
    clientId: number,
    offset: number,
    limit: number,
  ): Promise<Page<EmailMessage>> => {
    scope.assertClientId(clientId);
    const params = { clientid: clientId, limitstart: offset, limitnum: limit };
    const page = await call(ACTION, params, schemas.GetEmails);

    return scope.ownedPage(ACTION, clientId, page);
  },
);

/** One page of the client's emails, in WHMCS's order (newest first). */
export function listEmails(
  clientId: number,
  query: scope.PageRequest = {},
): Promise<Page<EmailMessage>> {
  const [offset, limit] = scope.pageArgs(query);

  return listOnce(clientId, offset, limit);
}

/**
 * One of the client's emails. `near` is where the list showed it (its offset),
 * read first; then the list is read from the newest, at most SEARCH_DEPTH deep.
 */
export const getEmail = cache(
  async (clientId: number, emailId: number, near = 0): Promise<EmailMessage> => {
    scope.assertClientId(clientId);
    scope.assertRecordId(ACTION, emailId, MISSING);
    const start = Math.max(0, Math.min(near, SEARCH_DEPTH) - SEARCH_PAGE / 4);
    const first = await listOnce(clientId, start, SEARCH_PAGE);
    const hit = first.items.find((email) => email.id === emailId);
    if (hit) return hit;

    const depth = Math.min(first.total, SEARCH_DEPTH);
    for (let offset = 0; offset < depth; offset += SEARCH_PAGE) {
      if (offset === start) continue;
      const page = await listOnce(clientId, offset, SEARCH_PAGE);
      const found = page.items.find((email) => email.id === emailId);
      if (found) return found;
    }

    throw scope.notFound(ACTION, MISSING);
  },
);

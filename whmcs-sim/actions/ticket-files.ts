import type { ActionContext } from '../wire';

// Ticket attachments as OpenTicket and AddTicketReply take them: base64 of a
// JSON array of `{name, data}`, `data` being the file in base64 (the docs'
// examples). WHMCS keeps each file under a random six-digit prefix and lists
// it in GetTicket by its original name (ticket-view.ts).

export type StoredFiles = { attachment: string; files: string[] };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** WHMCS keeps letters, digits, dot, dash, underscore and space in a file name. */
const safeName = (name: string) => name.replace(/[^A-Za-z0-9._\- ]/g, '');

/**
 * The files of a request, or the refusal. WHMCS's behaviour on a malformed
 * list is not documented; the simulator refuses it (README: departures), so a
 * client that encodes files wrongly finds out in its tests.
 */
export function readAttachments(
  params: URLSearchParams,
  ctx: ActionContext,
): StoredFiles | string {
  const raw = params.get('attachments')?.trim();
  if (!raw) return { attachment: '', files: [] };
  if (!BASE64.test(raw)) return 'Invalid attachments: not base64';

  let list: unknown;
  try {
    list = JSON.parse(Buffer.from(raw, 'base64').toString('utf8'));
  } catch {
    return 'Invalid attachments: not a JSON list';
  }
  if (!Array.isArray(list)) return 'Invalid attachments: not a JSON list';

  const stored: string[] = [];
  const files: string[] = [];
  for (const item of list as unknown[]) {
    const { name, data } = (item ?? {}) as { name?: unknown; data?: unknown };
    if (typeof name !== 'string' || typeof data !== 'string' || !BASE64.test(data))
      return 'Invalid attachments: each needs a name and base64 data';
    const clean = safeName(name).trim();
    if (!clean) return 'Invalid attachments: empty file name';
    stored.push(`${ctx.rng.chars(6, '0123456789')}_${clean}`);
    files.push(data);
  }

  return { attachment: stored.join('|'), files };
}

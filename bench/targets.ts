// What the benchmark needs from the running portal before it measures: the ids
// of the main demo customer's first service, domain, invoice and ticket (asked
// of the simulator directly), and the server's memory from /proc.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { DEMO_IDENTIFIER, DEMO_SECRET } from '../scripts/stack.mjs';

export const CLIENT_ID = 1;

type Rows = Record<string, Record<string, { id: number | string }[]> | undefined>;

async function firstId(simUrl: string, action: string, params: Record<string, string>) {
  const body = new URLSearchParams({
    action,
    identifier: DEMO_IDENTIFIER,
    secret: DEMO_SECRET,
    responsetype: 'json',
    limitnum: '1',
    ...params,
  });
  const response = await fetch(new URL('includes/api.php', simUrl), {
    method: 'POST',
    body,
  });
  const answer = (await response.json()) as Rows;
  const [outer, inner] = LISTS[action] as [string, string];
  const id = answer[outer]?.[inner]?.[0]?.id;
  if (id === undefined) throw new Error(`${action}: the demo customer has no record`);

  return Number(id);
}

const LISTS: Record<string, [string, string]> = {
  GetClientsProducts: ['products', 'product'],
  GetClientsDomains: ['domains', 'domain'],
  GetInvoices: ['invoices', 'invoice'],
  GetTickets: ['tickets', 'ticket'],
};

/** The pages measured: the dashboard, each list, and each detail page. */
export async function pagesToMeasure(simUrl: string): Promise<string[]> {
  const client = String(CLIENT_ID);
  const [service, domain, invoice, ticket] = await Promise.all([
    firstId(simUrl, 'GetClientsProducts', { clientid: client }),
    firstId(simUrl, 'GetClientsDomains', { clientid: client }),
    firstId(simUrl, 'GetInvoices', { userid: client }),
    firstId(simUrl, 'GetTickets', { clientid: client, ignore_dept_assignments: '1' }),
  ]);

  return [
    '/dashboard',
    '/services',
    '/domains',
    '/invoices',
    '/tickets',
    `/services/${service}`,
    `/domains/${domain}`,
    `/invoices/${invoice}`,
    `/tickets/${ticket}`,
  ];
}

export type Memory = { rssMb: number; peakRssMb: number };

/** Resident memory of a process now, and its peak, from /proc/<pid>/status. */
export function memoryOf(pid: number): Memory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);

  return {
    rssMb: Math.round(kb('VmRSS') / 102.4) / 10,
    peakRssMb: Math.round(kb('VmHWM') / 102.4) / 10,
  };
}

const TICKS_PER_SECOND = Number(
  execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }),
);

/**
 * CPU time a process has used so far (user + system, /proc/<pid>/stat). Under
 * other load on the machine, wall-clock rates swing; CPU per request does not
 * nearly as much, so the benchmark reports both.
 */
export function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);

  return (ticks * 1000) / TICKS_PER_SECOND;
}

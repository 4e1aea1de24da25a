import type { AuditEntry } from '@/lib/store/types';
import { Card } from '@/components/card';
import { DataTable } from '@/components/data-table';
import { formatMoment } from './format';

// What the customer's login changed through the portal, newest first, from the
// activity trail every customer change writes to (lib/portal/customer-action.ts).

const ACTIONS: Record<string, string> = {
  'ticket.open': 'Opened a support ticket',
  'ticket.reply': 'Replied to a support ticket',
  'ticket.close': 'Closed a support ticket',
  'sso.invoice': 'Went to WHMCS to pay an invoice',
  'sso.invoice-pdf': 'Went to WHMCS for an invoice PDF',
  'sso.control-panel': 'Signed in to a control panel',
  'sso.upgrade': 'Went to WHMCS to change a plan',
  'sso.password': 'Went to WHMCS to change the password',
  'sso.two-factor': 'Went to WHMCS to set up two-factor authentication',
  'profile.update': 'Updated contact details',
  'password.reset': 'Asked for a password reset email',
  'service.cancel': 'Requested a cancellation',
  'domain.nameservers': 'Changed nameservers',
  'domain.lock': 'Changed the registrar lock',
  'domain.autorenew': 'Changed auto-renewal',
  'domain.epp': 'Requested a transfer (EPP) code',
};

const TARGETS: Record<string, string> = {
  ticket: 'ticket',
  invoice: 'invoice',
  service: 'service',
  domain: 'domain',
  client: 'account',
};

/** `ticket:12` reads "ticket #12"; anything unexpected is shown as it is. */
function describeTarget(target: string): string {
  const match = /^([a-z]+):(\d+)$/.exec(target);
  if (!match) return target;
  const [, kind = '', id = ''] = match;

  return `${TARGETS[kind] ?? kind} #${id}`;
}

function describeOutcome(entry: AuditEntry): string {
  if (entry.outcome === 'success') return 'Done';
  return entry.detail.error === 'WhmcsUncertainError'
    ? 'May have gone through (no answer)'
    : 'Not done';
}

export function ActivityList({ entries }: { entries: AuditEntry[] }) {
  const finished = entries.filter((e) => e.outcome !== 'attempt');

  return (
    <Card title="Recent changes">
      {finished.length === 0 ? (
        <p>No changes made through the portal yet.</p>
      ) : (
        <DataTable
          caption="Changes your login made through the portal"
          hideCaption
          rows={finished}
          rowKey={(e) => `${e.id ?? ''}-${e.at}-${e.action}-${e.outcome}`}
          columns={[
            { header: 'When', cell: (e) => formatMoment(e.at) },
            { header: 'Change', cell: (e) => ACTIONS[e.action] ?? e.action },
            { header: 'On', cell: (e) => describeTarget(e.target) },
            { header: 'Result', cell: describeOutcome },
            { header: 'IP address', cell: (e) => e.ip },
          ]}
        />
      )}
    </Card>
  );
}

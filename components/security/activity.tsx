import Link from 'next/link';
import type { AuditEntry } from '@/lib/store/types';
import { Card } from '@/components/card';
import { DataTable } from '@/components/data-table';
import { formatMoment } from './format';
import { describeActivity } from '@/lib/portal/activity';

// What the customer's login changed through the portal, newest first, from the
// activity trail every customer change writes to (lib/portal/customer-action.ts),
// in the customer's words (lib/portal/activity.ts).

/** The record's name, linked to its page when it is on the account now shown. */
function On({ entry, clientId }: { entry: AuditEntry; clientId: number }) {
  const words = describeActivity(entry);
  if (!words.href || entry.detail.clientId !== clientId) return <>{words.on}</>;

  return <Link href={words.href}>{words.on}</Link>;
}

function describeOutcome(entry: AuditEntry): string {
  if (entry.outcome === 'success') return 'Done';
  return entry.detail.error === 'WhmcsUncertainError'
    ? 'May have gone through (no answer)'
    : 'Not done';
}

type Props = {
  entries: AuditEntry[];
  /** The client account the session is on: only its records are linked. */
  clientId: number;
};

export function ActivityList({ entries, clientId }: Props) {
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
            { header: 'Change', cell: (e) => describeActivity(e).change },
            { header: 'On', cell: (e) => <On entry={e} clientId={clientId} /> },
            { header: 'Result', cell: describeOutcome },
            { header: 'IP address', cell: (e) => e.ip },
          ]}
        />
      )}
    </Card>
  );
}

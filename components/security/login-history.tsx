import type { LoginEvent } from '@/lib/store/types';
import { Card } from '@/components/card';
import { DataTable } from '@/components/data-table';
import { describeDevice, formatMoment, signInReason } from './format';

export function LoginHistory({ events }: { events: LoginEvent[] }) {
  return (
    <Card title="Recent sign-ins">
      {events.length === 0 ? (
        <p>No sign-ins recorded yet.</p>
      ) : (
        <DataTable
          caption="The last 50 sign-ins and failed attempts"
          hideCaption
          rows={events}
          rowKey={(e) => `${e.at}-${e.outcome}-${e.reason}-${e.ip}`}
          columns={[
            { header: 'When', cell: (e) => formatMoment(e.at) },
            {
              header: 'Result',
              cell: (e) =>
                `${e.outcome === 'success' ? 'Success' : 'Failed'}: ${signInReason(e.reason)}`,
            },
            { header: 'IP address', cell: (e) => e.ip },
            { header: 'Device', cell: (e) => describeDevice(e.userAgent) },
          ]}
        />
      )}
    </Card>
  );
}

import type { LoginEvent } from '@/lib/store/types';
import { Card } from '@/components/card';
import { DataTable } from '@/components/data-table';
import { describeDevice, formatMoment, signInReason } from '@/components/security/format';

// Recent failed sign-ins of both realms. Names nobody has are shown hashed:
// what was typed may be a password in the wrong field.

function who(event: LoginEvent): string {
  if (event.subject.startsWith('unknown:')) return 'unknown staff name';
  if (event.subject.startsWith('email:')) return 'an email WHMCS did not accept (hashed)';
  return event.realm === 'admin' ? event.subject : `customer user #${event.subject}`;
}

export function SignInFailures({ events }: { events: LoginEvent[] }) {
  return (
    <Card title="Recent sign-in failures">
      {events.length === 0 ? (
        <p>No failed sign-ins recorded.</p>
      ) : (
        <DataTable
          caption="Failed sign-ins of staff and customers, newest first"
          hideCaption
          rows={events.map((event, n) => ({ ...event, n }))}
          rowKey={(e) => e.n}
          columns={[
            { header: 'When', cell: (e) => formatMoment(e.at) },
            { header: 'Area', cell: (e) => (e.realm === 'admin' ? 'Staff' : 'Customer') },
            { header: 'Who', cell: who },
            {
              header: 'Reason',
              cell: (e) => (
                <>
                  {signInReason(e.reason)}
                  {signInReason(e.reason) === e.reason ? null : (
                    <>
                      <br />
                      <code className="muted">{e.reason}</code>
                    </>
                  )}
                </>
              ),
            },
            { header: 'IP address', cell: (e) => e.ip },
            { header: 'Device', cell: (e) => describeDevice(e.userAgent) },
          ]}
        />
      )}
    </Card>
  );
}

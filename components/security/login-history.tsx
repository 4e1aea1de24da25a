import type { LoginEvent } from '@/lib/store/types';
import { Card } from '@/components/card';
import { DataTable } from '@/components/data-table';
import { describeDevice, formatMoment } from './format';

const REASONS: Record<string, string> = {
  password: 'signed in with password',
  oidc: 'signed in with WHMCS',
  whmcs: 'signed in with WHMCS',
  'bad-credentials': 'wrong password',
  'two-factor-required': 'password alone refused (two-factor is on)',
  'no-accounts': 'no client account linked',
  'user-missing': 'login refused',
  'step-up:ok': 'confirmed password for a sensitive change',
  'step-up:invalid': 'wrong password when confirming a change',
  'step-up:twoFactor': 'password confirmation refused (two-factor is on)',
  'step-up:whmcs': 'confirmed with WHMCS for a sensitive change',
  'step-up:whmcs-stale-auth-time': 'WHMCS confirmation refused (no fresh sign-in there)',
  'step-up:whmcs-no-auth-time': 'WHMCS confirmation refused (no fresh sign-in there)',
  'step-up:whmcs-other-user': 'WHMCS confirmation refused (another login)',
  'step-up:whmcs-not-started': 'WHMCS confirmation refused (not started here)',
};

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
                `${e.outcome === 'success' ? 'Success' : 'Failed'}: ${REASONS[e.reason] ?? e.reason}`,
            },
            { header: 'IP address', cell: (e) => e.ip },
            { header: 'Device', cell: (e) => describeDevice(e.userAgent) },
          ]}
        />
      )}
    </Card>
  );
}

import { revokeAllSessions, revokeSession } from '@/lib/auth/admin-actions';
import type { SessionRecord } from '@/lib/store/types';
import { Card } from '@/components/card';
import { DataTable, type Column } from '@/components/data-table';
import { describeDevice, formatMoment } from '@/components/security/format';
import styles from './admin.module.css';

// Live sessions of one realm. With `sessions:revoke`, each row can be ended,
// and all of one person's at once (that one asks for the TOTP code again when
// it was entered more than five minutes ago).

type Props = {
  title: string;
  sessions: SessionRecord[];
  currentSid: string;
  canRevoke: boolean;
};

function who(s: SessionRecord): string {
  return s.realm === 'admin' ? s.subject : `user #${s.subject} (client #${s.clientId})`;
}

function actions(s: SessionRecord, currentSid: string) {
  const label = s.sid === currentSid ? 'Sign out (this session)' : 'End session';
  return (
    <>
      <form action={revokeSession} className={styles.inline}>
        <input type="hidden" name="sid" value={s.sid} />
        <button
          type="submit"
          className="button"
          aria-label={`${label}: ${who(s)}, ${s.ip}`}
        >
          {label}
        </button>
      </form>{' '}
      <form action={revokeAllSessions} className={styles.inline}>
        <input type="hidden" name="realm" value={s.realm} />
        <input type="hidden" name="subject" value={s.subject} />
        <button
          type="submit"
          className="button"
          aria-label={`End all sessions of ${who(s)}`}
        >
          End all of theirs
        </button>
      </form>
    </>
  );
}

export function ActiveSessions({ title, sessions, currentSid, canRevoke }: Props) {
  const columns: Column<SessionRecord>[] = [
    { header: 'Who', cell: who },
    { header: 'Device', cell: (s) => describeDevice(s.userAgent) },
    { header: 'IP address', cell: (s) => s.ip },
    { header: 'Signed in', cell: (s) => formatMoment(s.createdAt) },
    { header: 'Last seen', cell: (s) => formatMoment(s.lastSeenAt) },
  ];
  if (canRevoke) columns.push({ header: 'Action', cell: (s) => actions(s, currentSid) });

  return (
    <Card title={title}>
      {sessions.length === 0 ? (
        <p>No active sessions.</p>
      ) : (
        <DataTable
          caption={`Live ${title.toLowerCase()}, newest first`}
          hideCaption
          columns={columns}
          rows={sessions}
          rowKey={(s) => s.sid}
        />
      )}
    </Card>
  );
}

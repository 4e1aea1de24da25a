import type { AuditQuery } from '@/lib/security/audit-filter';
import type { AuditEntry } from '@/lib/store/types';
import { Card } from '@/components/card';
import { DataTable } from '@/components/data-table';
import { formatMoment } from '@/components/security/format';
import { auditWords } from './audit-words';
import styles from './admin.module.css';

// The audit trail with its filters: a GET form, so a filtered view is a link.

type Props = { entries: AuditEntry[]; query: AuditQuery; valid: boolean };

/** Words first, the code under them: the code is what the filter takes. */
function WithCode({ words, code }: { words?: string; code: string }) {
  if (!words || words === code) return <code>{code}</code>;
  return (
    <>
      {words}
      <br />
      <code className="muted">{code}</code>
    </>
  );
}

const OUTCOMES: Record<AuditEntry['outcome'], string> = {
  attempt: 'Attempted',
  success: 'Succeeded',
  failure: 'Failed',
};

export function AuditTrail({ entries, query, valid }: Props) {
  return (
    <Card title="Audit trail">
      <form method="get" action="/admin/security#audit" className={styles.filters}>
        <Filter name="actor" label="Actor" value={query.actor} />
        <Filter name="action" label="Action" value={query.action} />
        <Filter name="from" label="From (UTC day)" value={query.from} type="date" />
        <Filter name="to" label="To (UTC day)" value={query.to} type="date" />
        <button type="submit" className="button">
          Filter
        </button>
      </form>
      {valid ? null : (
        <p className="form-error" role="alert">
          That filter could not be used; showing the newest entries instead.
        </p>
      )}
      {entries.length === 0 ? (
        <p>No audit entries match.</p>
      ) : (
        <DataTable
          caption="Audit entries, newest first"
          rows={entries}
          rowKey={(e) => e.id ?? `${e.at}-${e.action}-${e.outcome}`}
          columns={[
            { header: 'When', cell: (e) => formatMoment(e.at) },
            {
              header: 'Actor',
              cell: (e) => <WithCode words={auditWords(e).actor} code={e.actor} />,
            },
            {
              header: 'Action',
              cell: (e) => <WithCode words={auditWords(e).action} code={e.action} />,
            },
            {
              header: 'Target',
              cell: (e) => <WithCode words={auditWords(e).named} code={e.target} />,
            },
            { header: 'Outcome', cell: (e) => OUTCOMES[e.outcome] },
            { header: 'IP address', cell: (e) => e.ip },
          ]}
        />
      )}
    </Card>
  );
}

type FilterProps = {
  name: string;
  label: string;
  value?: string;
  type?: 'text' | 'date';
};

function Filter({ name, label, value, type = 'text' }: FilterProps) {
  return (
    <div className="field">
      <label htmlFor={`audit-${name}`}>{label}</label>
      <input id={`audit-${name}`} name={name} type={type} defaultValue={value ?? ''} />
    </div>
  );
}

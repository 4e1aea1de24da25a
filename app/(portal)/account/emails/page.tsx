import type { Metadata } from 'next';
import Link from 'next/link';
import { requireCustomer } from '@/lib/auth/guards';
import { listEmails } from '@/lib/whmcs/emails';
import type { EmailMessage } from '@/lib/whmcs/types';
import { PageHeader } from '@/components/card';
import { DataTable, type Column } from '@/components/data-table';
import { EmptyList } from '@/components/empty-state';
import { formatDateTime } from '@/components/format';
import { Pagination } from '@/components/pagination';
import {
  hrefWith,
  offsetOf,
  PAGE_SIZE,
  parsePage,
  type SearchParams,
} from '@/components/route-params';
import { Section, settle } from '@/components/section';

export const metadata: Metadata = { title: 'Emails' };

type Props = { searchParams: Promise<SearchParams> };

export default async function EmailsPage({ searchParams }: Props) {
  const session = await requireCustomer('emails');
  const page = parsePage(await searchParams);
  const load = settle(
    'emails',
    listEmails(session.clientId, { offset: offsetOf(page), limit: PAGE_SIZE }),
  );
  const hrefFor = (n: number) =>
    hrefWith('/account/emails', { page: n > 1 ? n : undefined });

  return (
    <div className="page">
      <PageHeader title="Emails">
        <p>The emails our billing system sent to this account, newest first.</p>
      </PageHeader>
      <Section what="emails" load={load} retryHref={hrefFor(page)}>
        {(emails) =>
          emails.items.length === 0 ? (
            <EmptyList page={page} firstPage={hrefFor(1)} title="No emails yet" />
          ) : (
            <>
              <DataTable
                caption="Emails sent to this account"
                hideCaption
                columns={columns(page)}
                rows={emails.items}
                rowKey={(e) => e.id}
              />
              <Pagination
                page={page}
                total={emails.total}
                hrefFor={hrefFor}
                noun="emails"
              />
            </>
          )
        }
      </Section>
    </div>
  );
}

function columns(page: number): Column<EmailMessage>[] {
  return [
    {
      header: 'Subject',
      cell: (e) => (
        <Link
          href={hrefWith(`/account/emails/${e.id}`, {
            page: page > 1 ? page : undefined,
          })}
        >
          {e.subject || '(no subject)'}
        </Link>
      ),
    },
    { header: 'Sent', cell: (e) => formatDateTime(e.sentAt) },
    { header: 'To', cell: (e) => e.to },
  ];
}

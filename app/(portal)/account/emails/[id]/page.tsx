import type { Metadata } from 'next';
import { requireCustomer } from '@/lib/auth/guards';
import { getEmail } from '@/lib/whmcs/emails';
import { BackLink, PageHeader } from '@/components/card';
import { DetailList } from '@/components/detail-list';
import { formatDateTime } from '@/components/format';
import {
  firstParam,
  hrefWith,
  offsetOf,
  parseId,
  parsePage,
  type SearchParams,
} from '@/components/route-params';
import { orNotFound, Section, settle } from '@/components/section';
import styles from '@/components/account/account.module.css';

export const metadata: Metadata = { title: 'Email' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

// The email's HTML is never part of this page: the iframe loads it from its
// own route under a policy that lets it load and run nothing (docs/security.md),
// and the iframe's empty sandbox takes scripts, forms, pop-ups and navigation
// away from it once more.
export default async function EmailPage({ params, searchParams }: Props) {
  const session = await requireCustomer('emails');
  const id = parseId((await params).id);
  const page = parsePage(await searchParams);
  const back = hrefWith('/account/emails', { page: page > 1 ? page : undefined });
  const load = await orNotFound(
    settle('email', getEmail(session.clientId, id, offsetOf(page))),
  );
  const email = load.ok ? load.value : null;
  const body = hrefWith(`/account/emails/${id}/body`, {
    page: firstParam((await searchParams).page) ? page : undefined,
  });

  return (
    <div className="page">
      <BackLink href={back}>All emails</BackLink>
      <PageHeader title={email ? email.subject || '(no subject)' : 'Email'} />
      <Section what="email" load={load} retryHref={`/account/emails/${id}`}>
        {(shown) => (
          <div className="stack">
            <DetailList
              items={[
                { term: 'Sent', value: formatDateTime(shown.sentAt) },
                { term: 'To', value: shown.to },
                { term: 'Cc', value: shown.cc },
              ]}
            />
            <p className="muted">
              Shown as it was sent, with its scripts, forms and remote images (often used
              to track who opened an email) switched off. Links in it do not open from
              here.
            </p>
            <iframe
              className={styles.emailFrame}
              src={body}
              sandbox=""
              referrerPolicy="no-referrer"
              title={`The email “${shown.subject || 'no subject'}”`}
            />
          </div>
        )}
      </Section>
    </div>
  );
}

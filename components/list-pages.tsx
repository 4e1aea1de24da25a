import Link from 'next/link';
import accountStyles from '@/components/account/account.module.css';
import { PageHeader } from '@/components/card';
import { FilterSkeleton, LineSkeleton, TableSkeleton } from '@/components/skeleton';

// The four list pages' headings, shared by each page and its loading.tsx, and
// their placeholders: the loading page has the list page's own heading, its
// credit balance line, filter row and table frame, so nothing jumps when the
// list arrives (issue #5).

type ListName = 'services' | 'domains' | 'invoices' | 'tickets';

type ListSpec = {
  title: string;
  intro: string;
  /** A button under the intro, to start something new. */
  start?: { href: string; label: string };
  /** A line above the list: the account's credit balance. */
  credit?: boolean;
  filter: boolean;
};

const LISTS: Record<ListName, ListSpec> = {
  services: {
    title: 'Services',
    intro: 'Hosting plans, servers and other products on this account.',
    filter: false,
  },
  domains: {
    title: 'Domains',
    intro: 'Domain names registered or transferred through us, with their renewal dates.',
    filter: false,
  },
  invoices: {
    title: 'Invoices',
    intro: 'Your bills, newest first. Open an invoice to see its items and payments.',
    credit: true,
    filter: true,
  },
  tickets: {
    title: 'Support tickets',
    intro: 'Your conversations with our support team, most recent activity first.',
    start: { href: '/tickets/new', label: 'Open a ticket' },
    filter: true,
  },
};

/** Rows in a list's placeholder: more than a screen holds, fewer than a page. */
const SKELETON_ROWS = 10;

export function ListHeader({ list }: { list: ListName }) {
  const { title, intro, start } = LISTS[list];

  return (
    <PageHeader title={title}>
      <p>{intro}</p>
      {start ? (
        <p>
          <Link href={start.href} className="button button-primary">
            {start.label}
          </Link>
        </p>
      ) : null}
    </PageHeader>
  );
}

/** The credit balance line while it loads (the invoices page), in its own box. */
export function CreditSkeleton() {
  return <LineSkeleton className={accountStyles.credit} />;
}

/** The list's table while WHMCS answers. */
export function ListSkeleton() {
  return <TableSkeleton rows={SKELETON_ROWS} />;
}

/** A list page before the server answers (the lists' loading.tsx). */
export function ListPageSkeleton({ list }: { list: ListName }) {
  return (
    <div className="page" aria-busy="true">
      <ListHeader list={list} />
      {LISTS[list].credit ? <CreditSkeleton /> : null}
      {LISTS[list].filter ? <FilterSkeleton /> : null}
      <ListSkeleton />
    </div>
  );
}

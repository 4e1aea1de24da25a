import Link from 'next/link';
import { Card, PageHeader, ViewAll } from '@/components/card';
import { CardSkeleton } from './item-list';
import styles from './dashboard.module.css';

// The dashboard's frame: its heading and its four cards, each with a title, a
// "view all" link and room reserved for its body. The page and its loading.tsx
// both build on these, so the skeleton shown on navigation has the page's shape.

type CardName = 'invoices' | 'services' | 'tickets' | 'domains';

type CardSpec = {
  title: string;
  /** Completes "We couldn't load your … right now." */
  what: string;
  all: { href: string; what: string };
  /** A link beside "View all", to start something new. */
  start?: { href: string; label: string };
  /** The room the body reserves: a figure (Stat), five rows, a line under them. */
  body: 'stat' | 'stat-line' | 'rows';
};

export const CARDS: Record<CardName, CardSpec> = {
  invoices: {
    title: 'Unpaid invoices',
    what: 'invoices',
    all: { href: '/invoices?status=Unpaid', what: 'unpaid invoices' },
    // The total, the rows, then the credit balance when there is some.
    body: 'stat-line',
  },
  services: {
    title: 'Active services',
    what: 'services',
    all: { href: '/services', what: 'services' },
    body: 'stat',
  },
  tickets: {
    title: 'Active tickets',
    what: 'support tickets',
    all: { href: '/tickets?status=All+Active+Tickets', what: 'active tickets' },
    start: { href: '/tickets/new', label: 'Open a ticket' },
    body: 'stat',
  },
  domains: {
    title: 'Domains needing attention',
    what: 'domains',
    all: { href: '/domains', what: 'domains' },
    body: 'rows',
  },
};

const ORDER: CardName[] = ['invoices', 'services', 'tickets', 'domains'];

/** What a <Section> needs to be one of the dashboard's cards. */
export function cardFrame(name: CardName) {
  const card = CARDS[name];

  const all = <ViewAll href={card.all.href} what={card.all.what} />;

  return {
    title: card.title,
    what: card.what,
    action: card.start ? (
      <span className="card-actions">
        <Link href={card.start.href}>{card.start.label}</Link>
        {all}
      </span>
    ) : (
      all
    ),
    fallback: <CardSkeleton stat={card.body !== 'rows'} />,
    bodyClassName: BODY[card.body],
  };
}

const BODY = {
  stat: styles.body,
  'stat-line': styles.bodyWithLine,
  rows: styles.bodyRows,
} as const;

export function DashboardHeader() {
  return (
    <PageHeader title="Dashboard">
      <p>Your bills, services, support conversations and renewals at a glance.</p>
    </PageHeader>
  );
}

/** The whole dashboard before the server answers (its loading.tsx). */
export function DashboardSkeleton() {
  return (
    <div className="page" aria-busy="true">
      <DashboardHeader />
      <div className={styles.grid}>
        {ORDER.map((name) => {
          const { title, action, fallback, bodyClassName } = cardFrame(name);
          return (
            <Card key={name} title={title} action={action}>
              <div className={bodyClassName}>{fallback}</div>
            </Card>
          );
        })}
      </div>
    </div>
  );
}

import 'server-only';
import { notFound } from 'next/navigation';
import { Suspense, type ReactNode } from 'react';
import { log } from '@/lib/log';
import { recordSectionFailure } from '@/lib/metrics';
import { requestId } from '@/lib/request';
import { WhmcsError, type WhmcsErrorKind } from '@/lib/whmcs/errors';
import { Card } from '@/components/card';
import { SectionSkeleton } from '@/components/skeleton';
import styles from './section.module.css';

// One way for every page section to load WHMCS data: start the call with
// settle() at the top of the page (so all calls run at once), hand the promise
// to a <Section>, which streams in behind its own skeleton. A WhmcsError becomes
// a friendly message with a retry link and the request id as a reference, one
// log line and a metric; anything else is a bug and goes on to the error boundary.

export type Settled<T> = { ok: true; value: T } | { ok: false; kind: WhmcsErrorKind };

export function settle<T>(section: string, work: Promise<T>): Promise<Settled<T>> {
  const settled = work.then(
    (value): Settled<T> => ({ ok: true, value }),
    async (error: unknown): Promise<Settled<T>> => {
      if (!(error instanceof WhmcsError)) throw error;
      if (error.kind !== 'not_found') await logFailure(section, error.kind);
      return { ok: false, kind: error.kind };
    },
  );
  // Marks the rejection as handled while the promise waits for its section.
  void settled.catch(() => undefined);

  return settled;
}

async function logFailure(section: string, kind: WhmcsErrorKind): Promise<void> {
  recordSectionFailure(section, kind);
  log().warn({
    event: 'page.section.failed',
    section,
    kind,
    requestId: await requestId(),
  });
}

/** For a detail page: WHMCS's "not found" (also for another client's record) is a 404. */
export async function orNotFound<T>(load: Promise<Settled<T>>): Promise<Settled<T>> {
  const result = await load;
  if (!result.ok && result.kind === 'not_found') notFound();

  return result;
}

type SectionProps<T> = {
  /** The visible h2; without one the section is an unlabelled group. */
  title?: string;
  /** Completes "We couldn't load your … right now." */
  what: string;
  load: Promise<Settled<T>> | Settled<T>;
  retryHref: string;
  action?: ReactNode;
  /** The placeholder while `load` is pending: best shaped like what replaces it. */
  fallback?: ReactNode;
  /** Wraps placeholder, content and error alike, e.g. to reserve their room. */
  bodyClassName?: string;
  children: (value: T) => ReactNode;
};

export function Section<T>({
  title,
  action,
  fallback,
  bodyClassName,
  ...body
}: SectionProps<T>) {
  const suspense = (
    <Suspense fallback={fallback ?? <SectionSkeleton />}>
      <SectionBody {...body} />
    </Suspense>
  );
  const content = bodyClassName ? (
    <div className={bodyClassName}>{suspense}</div>
  ) : (
    suspense
  );
  if (!title) return <div className={styles.plain}>{content}</div>;

  return (
    <Card title={title} action={action}>
      {content}
    </Card>
  );
}

type BodyProps<T> = Pick<SectionProps<T>, 'what' | 'load' | 'retryHref' | 'children'>;

async function SectionBody<T>({ what, load, retryHref, children }: BodyProps<T>) {
  const result = await load;
  if (!result.ok) {
    return (
      <SectionError what={what} retryHref={retryHref} reference={await requestId()} />
    );
  }

  return children(result.value);
}

type ErrorProps = { what: string; retryHref: string; reference: string };

function SectionError({ what, retryHref, reference }: ErrorProps) {
  return (
    <div className={styles.error} role="status">
      <p>
        We couldn&rsquo;t load your {what} right now. Please try again in a few minutes.
      </p>
      <a href={retryHref}>Try again</a>
      <p className={styles.reference}>Reference: {reference}</p>
    </div>
  );
}

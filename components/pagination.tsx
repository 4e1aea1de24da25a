import Link from 'next/link';
import { PAGE_SIZE } from '@/components/route-params';
import styles from './pagination.module.css';

// Server-side paging links. Every link is a plain URL (?page=N plus the page's
// filters), so paging works without JavaScript and can be bookmarked.

type Props = {
  page: number;
  total: number;
  /**
   * WHMCS's own count when rows hidden from the customer (draft invoices) still
   * hold places in its paging: pages run over those, the summary counts `total`.
   */
  positions?: number;
  /** Builds the URL of a page number, keeping the current filters. */
  hrefFor: (page: number) => string;
  noun: string;
};

export function Pagination({ page, total, positions = total, hrefFor, noun }: Props) {
  const pages = Math.max(1, Math.ceil(Math.max(total, positions) / PAGE_SIZE));
  const summary = summarize(page, pages, total, positions > total, noun);
  if (pages <= 1) return <p className={styles.summary}>{summary}</p>;

  return (
    <nav aria-label="Pagination" className={styles.nav}>
      <p className={styles.summary}>{summary}</p>
      <ul className={styles.list}>
        {page > 1 ? (
          <li>
            <Link href={hrefFor(page - 1)}>Previous</Link>
          </li>
        ) : null}
        {pageWindow(page, pages).map((n, i) =>
          n === null ? (
            <li key={`gap-${i}`} aria-hidden="true" className={styles.gap}>
              …
            </li>
          ) : (
            <li key={n}>
              <Link
                href={hrefFor(n)}
                aria-current={n === page ? 'page' : undefined}
                aria-label={`Page ${n}`}
              >
                {n}
              </Link>
            </li>
          ),
        )}
        {page < pages ? (
          <li>
            <Link href={hrefFor(page + 1)}>Next</Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/** "Showing 21–40 of 45 invoices"; with hidden rows in the paging the ranges would not add up. */
function summarize(
  page: number,
  pages: number,
  total: number,
  hidden: boolean,
  noun: string,
): string {
  if (hidden) return `Page ${page} of ${pages} · ${total} ${noun}`;
  const first = Math.min(total, (page - 1) * PAGE_SIZE + 1);
  const last = Math.min(total, page * PAGE_SIZE);

  return `Showing ${first}–${last} of ${total} ${noun}`;
}

/** First, last and the neighbours of the current page; null marks a gap. */
function pageWindow(page: number, pages: number): (number | null)[] {
  const wanted = new Set([1, pages, page - 1, page, page + 1]);
  const numbers = [...wanted].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);

  return numbers.flatMap((n, i) => {
    const previous = numbers[i - 1];
    return previous !== undefined && n - previous > 1 ? [null, n] : [n];
  });
}

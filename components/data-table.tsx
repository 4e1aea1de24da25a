import type { ReactNode } from 'react';
import styles from './data-table.module.css';

// One accessible table for every list: a caption, column headers with
// scope="col", the first cell of each row as its row header. On a phone each
// row becomes a card of "label: value" lines (the labels come from each cell's
// data-label), so no column is ever off-screen; wider screens get the table.

export type Column<T> = {
  header: string;
  cell: (row: T) => ReactNode;
  /** Right-aligned, tabular figures: amounts and counts. */
  numeric?: boolean;
};

type Props<T> = {
  caption: string;
  /** Keep the caption for screen readers only, when a visible heading says the same. */
  hideCaption?: boolean;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string | number;
  /** Summary rows (totals) under the body: a label across all but the last column. */
  footer?: { label: string; value: ReactNode }[];
};

export function DataTable<T>(props: Props<T>) {
  const { caption, hideCaption, columns, rows, rowKey, footer } = props;
  const captionId = `table-${caption.toLowerCase().replace(/\W+/g, '-')}`;

  return (
    <div className={styles.scroll} role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={styles.table}>
        <caption
          id={captionId}
          className={hideCaption ? 'visually-hidden' : styles.caption}
        >
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col" className={cellClass(column)}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column, i) =>
                i === 0 ? (
                  <th key={column.header} scope="row" className={cellClass(column)}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td
                    key={column.header}
                    className={cellClass(column)}
                    data-label={column.header}
                  >
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
        {footer ? (
          <tfoot>
            {footer.map((line) => (
              <tr key={line.label}>
                <th scope="row" colSpan={columns.length - 1} className={styles.numeric}>
                  {line.label}
                </th>
                <td className={styles.numeric}>{line.value}</td>
              </tr>
            ))}
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

function cellClass<T>(column: Column<T>): string | undefined {
  return column.numeric ? styles.numeric : undefined;
}

import type { UseQueryResult } from '@tanstack/react-query';
import { useId, type ReactNode } from 'react';
import { QueryView } from './query-view';

/** A column heading: its words, or its words with a class (`num` for figures). */
export type HeadCell = string | { label: ReactNode; className: string };

/** A heading over a column of figures: right-aligned like them. */
export const numeric = (label: ReactNode): HeadCell => ({ label, className: 'num' });

interface DataTableProps {
  caption: ReactNode;
  /** The column headings, when one row of them says it all (`false` leaves a column out). */
  head?: readonly (HeadCell | false)[];
  children: ReactNode;
  className?: string;
}

/**
 * A table that may scroll sideways on a narrow screen. The scrolling box is a named, focusable
 * region so keyboard users can scroll it too (WCAG 2.1.1).
 */
export function DataTable({ caption, head, children, className }: DataTableProps) {
  const captionId = useId();
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={className ? `data-table ${className}` : 'data-table'}>
        <caption id={captionId}>{caption}</caption>
        {head && <TableHead cells={head} />}
        {children}
      </table>
    </div>
  );
}

function TableHead({ cells }: { cells: readonly (HeadCell | false)[] }) {
  return (
    <thead>
      <tr>
        {cells.map((cell, index) =>
          cell === false ? null : typeof cell === 'string' ? (
            <th key={index} scope="col">
              {cell}
            </th>
          ) : (
            <th key={index} scope="col" className={cell.className}>
              {cell.label}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}

interface QueryTableProps<T> extends Omit<DataTableProps, 'children'> {
  query: UseQueryResult<T>;
  isEmpty?: (data: T) => boolean;
  /** The table's body (or bodies), once the data is there. */
  children: (data: T) => ReactNode;
}

/** A DataTable of what a query answers, with QueryView's loading, failure and empty states. */
export function QueryTable<T>({ query, isEmpty, children, ...table }: QueryTableProps<T>) {
  return (
    <QueryView query={query} isEmpty={isEmpty}>
      {(data) => <DataTable {...table}>{children(data)}</DataTable>}
    </QueryView>
  );
}

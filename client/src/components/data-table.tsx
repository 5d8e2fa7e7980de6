import { useId, type ReactNode } from 'react';

interface DataTableProps {
  caption: ReactNode;
  children: ReactNode;
  className?: string;
}

/**
 * A table that may scroll sideways on a narrow screen. The scrolling box is a named, focusable
 * region so keyboard users can scroll it too (WCAG 2.1.1).
 */
export function DataTable({ caption, children, className }: DataTableProps) {
  const captionId = useId();
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={className ? `data-table ${className}` : 'data-table'}>
        <caption id={captionId}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}

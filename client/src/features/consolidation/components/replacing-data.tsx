import type { ReactNode } from 'react';

interface ReplacingDataProps {
  /** The figures on screen answer an earlier question; the next answer is on its way. */
  replacing: boolean;
  /**
   * The earlier figures no longer fit what was asked (another grouping: other rows, another
   * caption) — they give way to the status line rather than pass for the new answer.
   */
  outdated?: boolean;
  /** What the status line says meanwhile ("Ielādē konsolidāciju pēc: Mērķa…"). */
  status: string;
  children: ReactNode;
}

/**
 * A view whose data is being replaced says so: a status line (announced, `role="status"`), the area
 * marked busy, and the old figures kept readable below only while they still fit the question.
 */
export function ReplacingData({ replacing, outdated = false, status, children }: ReplacingDataProps) {
  if (!replacing) return <div>{children}</div>;
  return (
    <div aria-busy="true" className="is-loading">
      <p className="state" role="status">
        {status}
      </p>
      {!outdated && children}
    </div>
  );
}

import type { EkkCode } from '@ikt/shared/reference.schema';

const byCode = (a: EkkCode, b: EkkCode) => a.code.localeCompare(b.code, 'en', { numeric: true });

/**
 * Orders codes so each parent comes directly before its children (depth first, by code), whatever
 * order the server sent. A code whose parent is missing is shown at the top level rather than lost.
 */
export function orderEkkHierarchy(codes: readonly EkkCode[]): EkkCode[] {
  const known = new Set(codes.map((code) => code.code));
  const children = new Map<string | null, EkkCode[]>();
  for (const code of codes) {
    const parent = code.parentCode !== null && known.has(code.parentCode) ? code.parentCode : null;
    const siblings = children.get(parent) ?? [];
    siblings.push(code);
    children.set(parent, siblings);
  }

  const ordered: EkkCode[] = [];
  const visited = new Set<string>();
  const visit = (parent: string | null) => {
    for (const code of (children.get(parent) ?? []).sort(byCode)) {
      if (visited.has(code.code)) continue; // a cycle in bad data must not hang the page
      visited.add(code.code);
      ordered.push(code);
      visit(code.code);
    }
  };
  visit(null);
  // Codes caught in a parent cycle never hang from the root; still show them.
  for (const code of [...codes].sort(byCode)) if (!visited.has(code.code)) ordered.push(code);
  return ordered;
}

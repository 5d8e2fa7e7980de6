import type { LineItem, UpdateLineItemInput } from '@ikt/shared/line-item.schema';
import { useRef, useState } from 'react';
import { moneyEditText, parseMoneyInput, type MoneyInputProblem } from '../../../utils/money-input';
import { isEditableColumn, type GridColumn, type GridColumnId } from '../utils/grid-model';

/** The one cell being edited: its item, its column and what the editor holds. */
export interface GridEdit {
  itemId: number;
  columnId: GridColumnId;
  text: string;
  problem?: MoneyInputProblem | 'required' | undefined;
}

/** What the editor starts with: the cell's value as one would type it. */
function editorText(item: LineItem, column: GridColumn): string {
  switch (column.kind) {
    case 'text':
      return item.title;
    case 'ekk':
      return item.ekkCode;
    case 'costNature':
      return item.costNature;
    case 'priority':
      return item.priority;
    case 'amount':
      return moneyEditText(item.amounts[String(column.year)] ?? '0');
    default:
      return '';
  }
}

/** Editing a cell in place: start, change, save (only what changed) or cancel. */
export function useGridEditing({
  items,
  rows,
  columns,
  canEdit,
  onSave,
  requestFocus,
}: {
  items: readonly LineItem[];
  rows: readonly LineItem[];
  columns: readonly GridColumn[];
  canEdit: (item: LineItem) => boolean;
  onSave: (item: LineItem, changes: UpdateLineItemInput) => void;
  requestFocus: () => void;
}) {
  const [edit, setEditState] = useState<GridEdit | null>(null);
  // Mirrors `edit` at once: a commit by a key and the blur that follows must not save twice.
  const editRef = useRef<GridEdit | null>(null);
  const setEdit = (next: GridEdit | null) => {
    editRef.current = next;
    setEditState(next);
  };

  /** Opens the editor on a cell (row, col: as in the sheet); false when the cell cannot be edited. */
  function startEdit(row: number, col: number, initial?: string): boolean {
    const item = row >= 0 ? rows[row] : undefined;
    const column = columns[col];
    if (!item || !column || !isEditableColumn(column) || !canEdit(item)) return false;
    setEdit({ itemId: item.id, columnId: column.id, text: initial ?? editorText(item, column) });
    requestFocus();
    return true;
  }

  /** Reads the editor; answers false (and keeps editing) when the value cannot be saved. */
  function commitEdit(): boolean {
    const edit = editRef.current;
    if (!edit) return true;
    const item = items.find((candidate) => candidate.id === edit.itemId);
    const column = columns.find((candidate) => candidate.id === edit.columnId);
    if (!item || !column) {
      setEdit(null);
      return true;
    }
    let changes: UpdateLineItemInput | undefined;
    switch (column.kind) {
      case 'text': {
        const title = edit.text.replace(/\s+/g, ' ').trim();
        if (title === '') {
          setEdit({ ...edit, problem: 'required' });
          return false;
        }
        if (title !== item.title) changes = { title };
        break;
      }
      case 'ekk':
        if (edit.text !== item.ekkCode) changes = { ekkCode: edit.text };
        break;
      case 'costNature':
        if (edit.text !== item.costNature) changes = { costNature: edit.text as LineItem['costNature'] };
        break;
      case 'priority':
        if (edit.text !== item.priority) changes = { priority: edit.text as LineItem['priority'] };
        break;
      case 'amount': {
        const parsed = parseMoneyInput(edit.text);
        const value = parsed.ok ? parsed.value : parsed.problem === 'empty' ? '0.00' : undefined;
        if (value === undefined) {
          setEdit({ ...edit, problem: parsed.ok ? undefined : parsed.problem });
          return false;
        }
        const year = String(column.year);
        if (value !== (item.amounts[year] ?? '0.00')) changes = { amounts: { [year]: value } };
        break;
      }
      default:
        break;
    }
    setEdit(null);
    if (changes) onSave(item, changes);
    return true;
  }

  /** Esc: the cell keeps its value and takes focus back. */
  function cancelEdit() {
    setEdit(null);
    requestFocus();
  }

  return { edit, setEdit, startEdit, commitEdit, cancelEdit };
}

import { COST_NATURES, PRIORITIES } from '@ikt/shared/domain';
import { COST_NATURE_LABELS, PRIORITY_LABELS } from '@ikt/shared/labels';
import type { LineItem } from '@ikt/shared/line-item.schema';
import type { Language } from '@ikt/shared/messages';
import type { KeyboardEvent } from 'react';
import { ReviewStatusBadge } from '../../../components/status-badge';
import { useI18n } from '../../../i18n/i18n-context';
import { problemCount } from '../../../utils/line-item-figures';
import { formatMoney } from '../../../utils/money-input';
import type { GridEdit } from '../hooks/use-grid-editing';
import type { GridColumn } from '../utils/grid-model';

export interface EkkOption {
  code: string;
  name: string;
}

/** A cell as text: what it shows, and what Ctrl+C copies. */
export function cellText(item: LineItem, column: GridColumn, language: Language): string {
  switch (column.kind) {
    case 'rank':
      return String(item.rank);
    case 'text':
      return item.title;
    case 'ekk':
      return item.ekkCode;
    case 'costNature':
      return COST_NATURE_LABELS[item.costNature][language];
    case 'priority':
      return PRIORITY_LABELS[item.priority][language];
    case 'amount':
      return formatMoney(item.amounts[String(column.year)] ?? '0');
    case 'previousYear':
      // Empty when the item continues nothing of last year's cycle.
      return item.previousYear === null ? '' : formatMoney(item.previousYear);
    default:
      return '';
  }
}

/** What a cell shows when it is not being edited. */
export function GridCellContent({
  item,
  column,
  central,
  isOpen,
  onOpen,
}: {
  item: LineItem;
  column: GridColumn;
  /** The item is in the central sub-programme (what it must have to be submitted). */
  central: boolean;
  isOpen: boolean;
  onOpen: (item: LineItem) => void;
}) {
  const { t, language } = useI18n();
  switch (column.kind) {
    case 'open':
      return (
        <button type="button" tabIndex={-1} className="sheet__open" aria-pressed={isOpen} onClick={() => onOpen(item)}>
          <span aria-hidden="true">›</span>
          <span className="visually-hidden">{t('grid.openItem', { title: item.title })}</span>
        </button>
      );
    case 'reviewStatus':
      return <ReviewStatusBadge status={item.reviewStatus} />;
    case 'check': {
      const count = problemCount(item, central);
      return count === 0 ? (
        <span className="sheet__ok">
          <span aria-hidden="true">✓</span>
          <span className="visually-hidden">{t('grid.ready')}</span>
        </span>
      ) : (
        <span className="badge badge--danger">{t('grid.problemCount', { count })}</span>
      );
    }
    default:
      return cellText(item, column, language);
  }
}

/** The editor in a cell: a list for the coded fields, a text box for the title and the amounts. */
export function GridCellEditor({
  item,
  column,
  edit,
  label,
  ekkOptions,
  errorId,
  onChange,
  onKeyDown,
  onBlur,
}: {
  item: LineItem;
  column: GridColumn;
  edit: GridEdit;
  label: string;
  ekkOptions: readonly EkkOption[];
  /** Where the editor's problem is shown. */
  errorId: string;
  onChange: (edit: GridEdit) => void;
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  onBlur: () => void;
}) {
  const { language } = useI18n();
  const common = {
    'data-editor': true,
    'aria-label': label,
    'aria-invalid': edit.problem ? true : undefined,
    'aria-describedby': edit.problem ? errorId : undefined,
    onKeyDown,
    onBlur,
  } as const;
  const select = (options: { value: string; label: string }[]) => (
    <select
      {...common}
      className="sheet__editor"
      value={edit.text}
      onChange={(event) => onChange({ ...edit, text: event.target.value })}
    >
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
  switch (column.kind) {
    case 'ekk': {
      const options = ekkOptions.map((option) => ({ value: option.code, label: `${option.code} ${option.name}` }));
      if (!options.some((option) => option.value === item.ekkCode)) {
        options.unshift({ value: item.ekkCode, label: item.ekkCode });
      }
      return select(options);
    }
    case 'costNature':
      return select(COST_NATURES.map((code) => ({ value: code, label: COST_NATURE_LABELS[code][language] })));
    case 'priority':
      return select(PRIORITIES.map((code) => ({ value: code, label: PRIORITY_LABELS[code][language] })));
    default:
      return (
        <input
          {...common}
          className={column.kind === 'amount' ? 'sheet__editor sheet__editor--num' : 'sheet__editor'}
          inputMode={column.kind === 'amount' ? 'decimal' : undefined}
          autoComplete="off"
          value={edit.text}
          onChange={(event) => onChange({ ...edit, text: event.target.value, problem: undefined })}
        />
      );
  }
}

import type { AuditEvent } from '@ikt/shared/audit.schema';
import type { CycleStatus, SubProgrammeStatus } from '@ikt/shared/domain';
import { CYCLE_STATUS_LABELS, SUB_PROGRAMME_STATUS_LABELS } from '@ikt/shared/labels';
import { useI18n } from '../../../i18n/i18n-context';
import { useFieldText } from '../../../hooks/use-field-text';
import { auditChanges, type AuditField } from '../utils/audit-changes';

/** How many fields of a record made or removed are shown before the rest folds away. */
const SHOWN_FIELDS = 4;

/** An event's before and after in words: "Statuss: Atvērts → Izskatīšanā", money in the Latvian form. */
export function AuditChangesView({ event }: { event: AuditEvent }) {
  const { t, tOptional, language } = useI18n();
  const { fieldName, valueText } = useFieldText();
  const changes = auditChanges(event);
  const name = (field: string) => tOptional(`audit.field.${field}`) ?? fieldName(field);
  const value = (field: string, raw: unknown): string => {
    if (field === 'status' && typeof raw === 'string') {
      if (event.entityType === 'budget_cycle') return CYCLE_STATUS_LABELS[raw as CycleStatus]?.[language] ?? raw;
      if (event.entityType === 'sub_programme') {
        return SUB_PROGRAMME_STATUS_LABELS[raw as SubProgrammeStatus]?.[language] ?? raw;
      }
    }
    if (typeof raw === 'boolean') return raw ? t('common.yes') : t('common.no');
    if (field === 'amount' && typeof raw === 'string') return valueText('amounts.0', raw);
    return valueText(field, raw);
  };

  switch (changes.kind) {
    case 'none':
      return null;
    case 'changed':
      return (
        <ul className="history__changes">
          {changes.changes.map((change) => (
            <li key={change.field}>
              {name(change.field)}: <del>{value(change.field, change.before)}</del> <span aria-hidden="true">→</span>
              <span className="visually-hidden">{t('history.becomes')}</span>{' '}
              <ins>{value(change.field, change.after)}</ins>
            </li>
          ))}
        </ul>
      );
    case 'recorded':
    case 'removed': {
      const entry = (field: AuditField) => (
        <li key={field.field}>
          {name(field.field)}: {value(field.field, field.value)}
        </li>
      );
      const [first, rest] = [changes.fields.slice(0, SHOWN_FIELDS), changes.fields.slice(SHOWN_FIELDS)];
      return (
        <div className={changes.kind === 'removed' ? 'audit-record audit-record--removed' : 'audit-record'}>
          <p className="audit-record__kind">
            {changes.kind === 'removed' ? t('audit.removedRecord') : t('audit.recorded')}
          </p>
          <ul className="history__changes">{first.map(entry)}</ul>
          {rest.length > 0 && (
            <details>
              <summary>{t('audit.moreFields', { count: rest.length })}</summary>
              <ul className="history__changes">{rest.map(entry)}</ul>
            </details>
          )}
        </div>
      );
    }
  }
}

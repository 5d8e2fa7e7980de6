import type { AuditEvent } from '@ikt/shared/audit.schema';
import { QueryView } from '../../../components/query-view';
import { formatDateTime } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n-context';
import { useLineItemHistory } from '../api/get-line-item-history';
import { fieldChanges } from '../../../utils/history-changes';
import { FieldChangeText } from '../../../components/field-change';

function EventEntry({ event }: { event: AuditEvent }) {
  const { t, tOptional, language } = useI18n();
  const isCreation = event.action.endsWith('.create');
  const changes = isCreation ? [] : fieldChanges(event.before, event.after);
  const comment = (event.after as { comment?: unknown } | null)?.comment;
  const body = (event.after as { body?: unknown } | null)?.body;
  const note = typeof comment === 'string' ? comment : typeof body === 'string' ? body : undefined;
  return (
    <li className="history__event">
      <p className="history__meta">
        <strong>{tOptional(`history.action.${event.action}`) ?? event.action}</strong>{' '}
        <span>{event.actorName ?? t('comments.unknownAuthor')}</span>{' '}
        <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt, language)}</time>
      </p>
      {changes.length > 0 && (
        <ul className="history__changes">
          {changes
            .filter((change) => change.field !== 'comment')
            .map((change) => (
              <li key={change.field}>
                <FieldChangeText field={change.field} before={change.before} after={change.after} />
              </li>
            ))}
        </ul>
      )}
      {note && <p className="history__note">“{note}”</p>}
    </li>
  );
}

/** Who changed what on the item and when, oldest first, from the audit trail. */
export function ItemHistory({ itemId }: { itemId: number }) {
  const query = useLineItemHistory(itemId);
  return (
    <QueryView query={query}>
      {(events) => (
        <ol className="history">
          {events.map((event) => (
            <EventEntry key={event.id} event={event} />
          ))}
        </ol>
      )}
    </QueryView>
  );
}

import type { SubProgrammeChanges } from '@ikt/shared/sub-programme.schema';
import { useId } from 'react';
import { Link } from 'react-router';
import { QueryView } from '../../../components/query-view';
import { formatDateTime } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n-context';
import { FieldChangeText } from '../../../components/field-change';
import { useSubProgrammeChanges } from '../api/get-sub-programme-changes';

/** What the institution added, removed and changed since it last submitted — what ITC reads first. */
export function ChangesSinceSubmission({ subProgrammeId }: { subProgrammeId: number }) {
  const { t } = useI18n();
  const headingId = useId();
  const query = useSubProgrammeChanges(subProgrammeId);
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('changes.heading')}</h2>
      <QueryView query={query} isEmpty={() => false}>
        {(changes) => <SubmissionChanges changes={changes} />}
      </QueryView>
    </section>
  );
}

/** The items added, removed and changed, each changed field with its old and new value. */
export function SubmissionChanges({ changes }: { changes: SubProgrammeChanges }) {
  const { t, language } = useI18n();
  const itemLink = (lineItemId: number) => `/sub-programmes/${changes.subProgrammeId}?item=${lineItemId}`;
  if (changes.since === null) return <p>{t('changes.firstSubmission')}</p>;
  const nothing = changes.added.length + changes.removed.length + changes.changed.length === 0;
  return (
    <>
      <p className="hint">
        {changes.until
          ? t('changes.between', {
              since: formatDateTime(changes.since, language),
              until: formatDateTime(changes.until, language),
            })
          : t('changes.sinceOnly', { since: formatDateTime(changes.since, language) })}
      </p>
      {nothing && <p>{t('changes.none')}</p>}
      {changes.added.length > 0 && (
        <>
          <h3>{t('changes.added', { count: changes.added.length })}</h3>
          <ul>
            {changes.added.map((item) => (
              <li key={item.lineItemId}>
                <Link to={itemLink(item.lineItemId)}>{item.title}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
      {changes.removed.length > 0 && (
        <>
          <h3>{t('changes.removed', { count: changes.removed.length })}</h3>
          <ul>
            {changes.removed.map((item) => (
              <li key={item.lineItemId}>{item.title}</li>
            ))}
          </ul>
        </>
      )}
      {changes.changed.length > 0 && (
        <>
          <h3>{t('changes.changed', { count: changes.changed.length })}</h3>
          <ul className="changes-list">
            {changes.changed.map((item) => (
              <li key={item.lineItemId}>
                <Link to={itemLink(item.lineItemId)}>{item.title}</Link>
                <ul className="history__changes">
                  {item.changes.flatMap((change) =>
                    change.field === 'amounts'
                      ? amountChanges(change.before, change.after).map((yearChange) => (
                          <li key={yearChange.field}>
                            <FieldChangeText {...yearChange} />
                          </li>
                        ))
                      : [
                          <li key={change.field}>
                            <FieldChangeText field={change.field} before={change.before} after={change.after} />
                          </li>,
                        ],
                  )}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** The years whose amount changed, each as its own line. */
function amountChanges(before: unknown, after: unknown): { field: string; before: unknown; after: unknown }[] {
  const from = (before ?? {}) as Record<string, string>;
  const to = (after ?? {}) as Record<string, string>;
  return [...new Set([...Object.keys(from), ...Object.keys(to)])]
    .sort()
    .filter((year) => from[year] !== to[year])
    .map((year) => ({ field: `amounts.${year}`, before: from[year], after: to[year] }));
}

import type { AuditEvent } from '@ikt/shared/audit.schema';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { DataTable } from '../../../components/data-table';
import { InlineField } from '../../../components/inline-field';
import { QueryView } from '../../../components/query-view';
import { formatDateTime } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n-context';
import { useAuditEvents, type AuditSearch } from '../api/get-audit-events';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '../utils/audit-vocabulary';
import { nextDay, rigaDayStart } from '../utils/riga-day';
import { AuditChangesView } from './audit-changes-view';
import { PageLoading } from '../../../components/page-loading';

export const AUDIT_PAGE_SIZE = 25;

const isDay = (value: string | null): value is string => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);
const isId = (value: string | null): value is string => value !== null && /^[1-9]\d{0,18}$/.test(value);

/** The filters as the address holds them (so a view of the log can be linked and reloaded). */
function readFilters(params: URLSearchParams) {
  const actor = params.get('actor');
  return {
    action: params.get('action') || undefined,
    entityType: params.get('entity') || undefined,
    entityId: params.get('entityId') || undefined,
    actorId: isId(actor) ? Number(actor) : undefined,
    from: isDay(params.get('from')) ? params.get('from')! : undefined,
    to: isDay(params.get('to')) ? params.get('to')! : undefined,
  };
}

/** Where an event's record can be opened, if anywhere. */
function entityLink(event: AuditEvent): string | undefined {
  if (event.entityType === 'sub_programme') return `/sub-programmes/${event.entityId}`;
  if (event.entityType === 'budget_cycle') return `/?cycle=${event.entityId}`;
  if (event.entityType === 'line_item') {
    const record = (event.after ?? event.before) as { subProgrammeId?: unknown } | null;
    if (typeof record?.subProgrammeId === 'number') {
      return `/sub-programmes/${record.subProgrammeId}?item=${event.entityId}`;
    }
  }
  return undefined;
}

/**
 * Who did what and when, newest first, page by page: by action, record, person and dates, each
 * event's before and after in words.
 */
export function AuditLog() {
  const { t, tOptional, language } = useI18n();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = readFilters(searchParams);
  const filterKey = searchParams.toString();
  // The pages seen so far: each the id the next one starts below (undefined: the newest).
  const [pages, setPages] = useState<{ key: string; cursors: (string | undefined)[] }>({
    key: filterKey,
    cursors: [undefined],
  });
  const cursors = pages.key === filterKey ? pages.cursors : [undefined];
  const search: AuditSearch = {
    action: filters.action,
    entityType: filters.entityType,
    entityId: filters.entityId,
    actorId: filters.actorId,
    from: filters.from ? rigaDayStart(filters.from) : undefined,
    to: filters.to ? rigaDayStart(nextDay(filters.to)) : undefined,
    beforeId: cursors[cursors.length - 1],
    // One more than is shown: whether there is an older page.
    limit: AUDIT_PAGE_SIZE + 1,
  };
  const events = useAuditEvents(search);
  const actionLabel = (action: string) => tOptional(`audit.action.${action}`) ?? action;
  const entityLabel = (type: string) => tOptional(`audit.entity.${type}`) ?? type;

  const setFilters = (next: URLSearchParams) => setSearchParams(next, { replace: true });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const [field, param] of [
      ['action', 'action'],
      ['entity', 'entity'],
      ['entityId', 'entityId'],
      ['from', 'from'],
      ['to', 'to'],
    ] as const) {
      const value = String(form.get(field) ?? '').trim();
      if (value) next.set(param, value);
    }
    if (filters.actorId !== undefined) next.set('actor', String(filters.actorId));
    setFilters(next);
  };
  const onlyActor = (actorId: number) => {
    const next = new URLSearchParams(searchParams);
    next.set('actor', String(actorId));
    setFilters(next);
  };
  const withoutActor = () => {
    const next = new URLSearchParams(searchParams);
    next.delete('actor');
    setFilters(next);
  };
  const actorName =
    filters.actorId === undefined
      ? undefined
      : (events.data?.find((event) => event.actorId === filters.actorId)?.actorName ??
        t('audit.userNumber', { id: filters.actorId }));

  return (
    <>
      <form key={filterKey} className="filter-bar audit-filters" noValidate onSubmit={onSubmit}>
        <VocabularyField
          label={t('audit.action')}
          name="action"
          defaultValue={filters.action}
          all={t('audit.allActions')}
          codes={AUDIT_ACTIONS}
          labelOf={actionLabel}
        />
        <VocabularyField
          label={t('audit.entity')}
          name="entity"
          defaultValue={filters.entityType}
          all={t('common.all')}
          codes={AUDIT_ENTITY_TYPES}
          labelOf={entityLabel}
        />
        <InlineField label={t('audit.entityId')}>
          {(id) => (
            <input
              id={id}
              name="entityId"
              className="field__input--short"
              inputMode="numeric"
              maxLength={50}
              defaultValue={filters.entityId ?? ''}
            />
          )}
        </InlineField>
        <InlineField label={t('audit.from')}>
          {(id) => <input id={id} name="from" type="date" defaultValue={filters.from ?? ''} />}
        </InlineField>
        <InlineField label={t('audit.to')}>
          {(id) => <input id={id} name="to" type="date" defaultValue={filters.to ?? ''} />}
        </InlineField>
        <div className="audit-filters__actions">
          <button type="submit" className="button">
            {t('audit.apply')}
          </button>
          <button type="button" className="button button--quiet" onClick={() => setFilters(new URLSearchParams())}>
            {t('audit.clear')}
          </button>
        </div>
      </form>
      {actorName !== undefined && (
        <p className="audit-actor">
          <span>{t('audit.actorFilter', { name: actorName })}</span>{' '}
          <button type="button" className="button button--quiet" onClick={withoutActor}>
            {t('audit.removeFilter')}
          </button>
        </p>
      )}
      <QueryView query={events} isEmpty={() => false}>
        {(list) => {
          const shown = list.slice(0, AUDIT_PAGE_SIZE);
          const hasOlder = list.length > AUDIT_PAGE_SIZE;
          const page = cursors.length;
          return (
            <div
              aria-busy={events.isPlaceholderData || undefined}
              className={events.isPlaceholderData ? 'is-loading' : undefined}
            >
              {events.isPlaceholderData && <PageLoading />}
              {shown.length === 0 ? (
                <p className="state">{t('audit.none')}</p>
              ) : (
                <DataTable
                  caption={t('audit.caption', { page })}
                  className="audit-table"
                  head={[t('audit.when'), t('audit.who'), t('audit.action'), t('audit.entity'), t('audit.changes')]}
                >
                  <tbody>
                    {shown.map((event) => {
                      const link = entityLink(event);
                      const entity = `${entityLabel(event.entityType)} ${event.entityId}`;
                      return (
                        <tr key={event.id}>
                          <td className="num">
                            <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt, language)}</time>
                          </td>
                          <td>
                            {event.actorId === null ? (
                              t('audit.system')
                            ) : (
                              <button
                                type="button"
                                className="link-button"
                                title={t('audit.onlyActorHint')}
                                onClick={() => onlyActor(event.actorId!)}
                              >
                                <span className="visually-hidden">{t('audit.only')} </span>
                                {event.actorName ?? t('audit.userNumber', { id: event.actorId })}
                              </button>
                            )}
                          </td>
                          <th scope="row">{actionLabel(event.action)}</th>
                          <td>{link ? <Link to={link}>{entity}</Link> : entity}</td>
                          <td>
                            <AuditChangesView event={event} />
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </DataTable>
              )}
              <nav className="pager" aria-label={t('audit.pages')}>
                {page > 1 && (
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => setPages({ key: filterKey, cursors: cursors.slice(0, -1) })}
                  >
                    {t('audit.newer')}
                  </button>
                )}
                <span className="pager__page">{t('audit.page', { page })}</span>
                {hasOlder && (
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => setPages({ key: filterKey, cursors: [...cursors, shown[shown.length - 1]!.id] })}
                  >
                    {t('audit.older')}
                  </button>
                )}
              </nav>
            </div>
          );
        }}
      </QueryView>
    </>
  );
}

interface VocabularyFieldProps {
  label: string;
  name: string;
  defaultValue: string | undefined;
  /** The words of the first choice, `''`: no narrowing. */
  all: string;
  codes: readonly string[];
  labelOf: (code: string) => string;
}

/** A filter form's choice of one code of a vocabulary, read when the form is applied. */
function VocabularyField({ label, name, defaultValue, all, codes, labelOf }: VocabularyFieldProps) {
  return (
    <InlineField label={label}>
      {(id) => (
        <select id={id} name={name} defaultValue={defaultValue ?? ''}>
          <option value="">{all}</option>
          {codes.map((code) => (
            <option key={code} value={code}>
              {labelOf(code)}
            </option>
          ))}
        </select>
      )}
    </InlineField>
  );
}

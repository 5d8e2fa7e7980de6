import type { LineItem, UpdateLineItemInput } from '@ikt/shared/line-item.schema';
import { COST_NATURE_LABELS, PRIORITY_LABELS } from '@ikt/shared/labels';
import { useEffect, useId, useRef, useState } from 'react';
import { Money } from '../../../components/money';
import { ReviewStatusBadge } from '../../../components/status-badge';
import { Tabs } from '../../../components/tabs';
import { useI18n } from '../../../i18n/i18n-context';
import { DeleteItemButton } from './delete-item-button';
import { ItemComments } from './item-comments';
import { ItemDefenceForm, itemFieldId } from './item-defence-form';
import { ItemHistory } from './item-history';
import { ItemReview } from './item-review';

export type ItemPanelTab = 'defence' | 'comments' | 'history' | 'review';

interface ItemPanelProps {
  item: LineItem;
  fiscalYears: readonly number[];
  editable: boolean;
  /** The item is in the central sub-programme: it may name its beneficiaries. */
  central: boolean;
  /** Why the last save of this item was refused, for the form to show on its fields. */
  saveError: Error | undefined;
  canComment: boolean;
  canReview: boolean;
  /** A field to put the cursor in when the panel opens (from a link in the submit problems). */
  focusField?: string | undefined;
  /** The tab to open the panel on (from a link in the return notice: the comments). */
  focusTab?: ItemPanelTab | undefined;
  onSave: (changes: UpdateLineItemInput) => Promise<boolean>;
  onDeleted: () => void;
  onStale: () => void;
  onClose: () => void;
}

/** The side panel of one item: its defence form, the comments, its history and (for ITC) the review. */
export function ItemPanel({
  item,
  fiscalYears,
  editable,
  central,
  saveError,
  canComment,
  canReview,
  focusField,
  focusTab,
  onSave,
  onDeleted,
  onStale,
  onClose,
}: ItemPanelProps) {
  const { t, language } = useI18n();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [tab, setTab] = useState<ItemPanelTab>('defence');

  // Opening an item (or following a link to one of its fields) moves the reader there.
  useEffect(() => {
    if (focusField) {
      setTab('defence');
      requestAnimationFrame(() => document.getElementById(itemFieldId(focusField))?.focus());
    } else {
      if (focusTab) setTab(focusTab);
      headingRef.current?.focus();
    }
  }, [item.id, focusField, focusTab]);

  const tabs: { id: ItemPanelTab; label: string }[] = [
    { id: 'defence', label: t('item.tab.defence') },
    { id: 'comments', label: t('item.tab.comments') },
    { id: 'history', label: t('item.tab.history') },
    ...(canReview ? [{ id: 'review' as const, label: t('item.tab.review') }] : []),
  ];

  return (
    <section className="item-panel" aria-labelledby={headingId}>
      <div className="item-panel__header">
        <h2 id={headingId} ref={headingRef} tabIndex={-1} className="item-panel__title">
          {item.title}
        </h2>
        <button type="button" className="button button--quiet" onClick={onClose}>
          {t('item.closePanel')}
        </button>
      </div>
      <dl className="facts facts--compact">
        <div>
          <dt>{t('grid.column.ekk')}</dt>
          <dd className="code">{item.ekkCode}</dd>
        </div>
        <div>
          <dt>{t('grid.column.costNature')}</dt>
          <dd>{COST_NATURE_LABELS[item.costNature][language]}</dd>
        </div>
        <div>
          <dt>{t('grid.column.priority')}</dt>
          <dd>{PRIORITY_LABELS[item.priority][language]}</dd>
        </div>
        <div>
          <dt>{t('grid.column.reviewStatus')}</dt>
          <dd>
            <ReviewStatusBadge status={item.reviewStatus} />
          </dd>
        </div>
        {fiscalYears.map((year) => (
          <div key={year}>
            <dt>{year}</dt>
            <dd className="num">
              <Money value={item.amounts[String(year)] ?? '0'} />
            </dd>
          </div>
        ))}
      </dl>
      {!editable && <p className="hint">{t('item.readOnly')}</p>}
      <Tabs
        label={t('item.tabsLabel')}
        idPrefix={`item-${item.id}`}
        items={tabs}
        selected={tab}
        onSelect={setTab}
        // A defence or a comment half typed is still there after a look at the history.
        keepMounted
        renderPanel={(id) => {
          switch (id) {
            case 'defence':
              return (
                <ItemDefenceForm
                  key={item.id}
                  item={item}
                  editable={editable}
                  central={central}
                  saveError={saveError}
                  onSave={onSave}
                />
              );
            case 'comments':
              return <ItemComments itemId={item.id} canComment={canComment} />;
            case 'history':
              return <ItemHistory itemId={item.id} />;
            case 'review':
              return <ItemReview item={item} />;
          }
        }}
      />
      {editable && <DeleteItemButton item={item} onDeleted={onDeleted} onStale={onStale} />}
    </section>
  );
}

import type { Cycle } from '@ikt/shared/cycle.schema';
import {
  canDecideOnSubmission,
  itemCreateRefusal,
  itemEditRefusal,
  submitRefusal,
  subProgrammeEditRefusal,
  withdrawRefusal,
} from '@ikt/shared/editability';
import type { LineItem } from '@ikt/shared/line-item.schema';
import { can, type BudgetScope } from '@ikt/shared/permissions';
import type { SubProgramme } from '@ikt/shared/sub-programme.schema';
import { useCallback, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorState, describeError } from '../../components/error-state';
import { QueryView } from '../../components/query-view';
import { SubProgrammeStatusBadge } from '../../components/status-badge';
import { useUser } from '../../hooks/use-user';
import { useCycle } from '../../features/cycles/api/get-cycle';
import { DownloadButton } from '../../features/exports/components/download-button';
import { ImportDialog } from '../../features/imports/components/import-dialog';
import { useLineItems } from '../../features/line-items/api/get-line-items';
import { AddItemDialog } from '../../features/line-items/components/add-item-dialog';
import { ConflictBanner } from '../../features/line-items/components/conflict-banner';
import { GridFilterBar } from '../../features/line-items/components/grid-filter-bar';
import { ItemPanel, type ItemPanelTab } from '../../features/line-items/components/item-panel';
import { KeptEdits } from '../../features/line-items/components/kept-edits';
import type { EkkOption } from '../../features/line-items/components/grid-cells';
import { LineItemGrid } from '../../features/line-items/components/line-item-grid';
import { PasteRowsDialog } from '../../features/line-items/components/paste-rows-dialog';
import { useFieldText } from '../../hooks/use-field-text';
import { useItemEditor } from '../../features/line-items/hooks/use-item-editor';
import { NO_FILTER, type GridFilter } from '../../features/line-items/utils/grid-model';
import { useEkkCodes } from '../../features/reference/api/get-ekk-codes';
import { ReturnNotice } from '../../features/sub-programmes/components/return-notice';
import { SubmitPanel } from '../../features/sub-programmes/components/submit-panel';
import { WithdrawSubmission } from '../../features/sub-programmes/components/withdraw-submission';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/messages/lv';
import { NotFoundRoute } from './not-found';
import { IdRoute, useSubProgrammePage } from './sub-programme-page';
import { PageLoading } from '../../components/page-loading';

/** Tabs a link may open the item panel on (`?item=…&tab=comments`). */
const PANEL_TABS: readonly ItemPanelTab[] = ['defence', 'comments', 'history'];

const REFUSAL_MESSAGES: Record<NonNullable<ReturnType<typeof subProgrammeEditRefusal>>, MessageKey> = {
  'cycle-not-open': 'workspace.refusal.cycleNotOpen',
  'sub-programme-locked': 'workspace.refusal.locked',
  'item-not-returned': 'workspace.refusal.onlyReturned',
  'item-cut': 'workspace.refusal.cut',
};

export const SubProgrammeRoute = () => <IdRoute page={SubProgrammeLoader} />;

function SubProgrammeLoader({ id }: { id: number }) {
  const { t } = useI18n();
  const { subProgramme, missing } = useSubProgrammePage(
    id,
    ({ code, name }) => `${code} ${name}`,
    t('workspace.title'),
  );
  const cycle = useCycle(subProgramme.data?.cycleId);
  if (missing) return <NotFoundRoute />;
  if (subProgramme.isError) {
    return (
      <>
        <h1>{t('workspace.title')}</h1>
        <ErrorState error={subProgramme.error} />
        <p>
          <Link to="/">{t('notFound.home')}</Link>
        </p>
      </>
    );
  }
  if (!subProgramme.data || !cycle.data) {
    return cycle.isError ? <ErrorState error={cycle.error} onRetry={() => void cycle.refetch()} /> : <PageLoading />;
  }
  return <Workspace subProgramme={subProgramme.data} cycle={cycle.data} />;
}

function Workspace({ subProgramme, cycle }: { subProgramme: SubProgramme; cycle: Cycle }) {
  const { t, language, localize } = useI18n();
  const user = useUser();
  const items = useLineItems(subProgramme.id);
  const ekkCodes = useEkkCodes();
  const editor = useItemEditor(subProgramme.id);
  const { fieldName } = useFieldText();
  const lastEdit = editor.undoStack.at(-1);
  const undo = () => {
    const undone = editor.undo();
    if (undone) setAnnouncement(t('undo.done', { field: fieldName(undone.field), title: undone.title }));
  };
  const [searchParams, setSearchParams] = useSearchParams();
  const [filter, setFilter] = useState<GridFilter>(NO_FILTER);
  const [adding, setAdding] = useState(false);
  const [pasteText, setPasteText] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [focusItemId, setFocusItemId] = useState<number | undefined>();
  const [announcement, setAnnouncement] = useState('');

  const scope: BudgetScope = {
    institutionId: subProgramme.institutionId,
    kind: subProgramme.kind,
    cycleStatus: cycle.status,
  };
  const owns = can(user, { action: 'subProgramme.edit', scope });
  const editRefusal = subProgrammeEditRefusal(cycle.status, subProgramme.status);
  const canCreate = owns && itemCreateRefusal(cycle.status, subProgramme.status) === null;
  const canSubmit = owns && submitRefusal(cycle.status, subProgramme.status) === null;
  // The server also refuses once ITC has started the review; only it knows about ITC's comments.
  const canWithdraw = owns && withdrawRefusal(cycle.status, subProgramme.status) === null;
  const canReview =
    can(user, { action: 'subProgramme.review', scope }) && canDecideOnSubmission(cycle.status, subProgramme.status);
  const canComment = can(user, { action: 'lineItem.comment', scope });
  const canEditItem = useCallback(
    (item: LineItem) => owns && itemEditRefusal(cycle.status, subProgramme.status, item.reviewStatus) === null,
    [owns, cycle.status, subProgramme.status],
  );

  const ekkOptions: EkkOption[] = useMemo(
    () =>
      (ekkCodes.data ?? [])
        .filter((code) => code.selectable && !code.retired)
        .map((code) => ({ code: code.code, name: localize(code.nameLv, code.nameEn) })),
    [ekkCodes.data, localize],
  );
  const selectableEkk = useMemo(() => new Set(ekkOptions.map((option) => option.code)), [ekkOptions]);

  const openItemId = Number(searchParams.get('item')) || undefined;
  const focusField = searchParams.get('field') ?? undefined;
  const focusTab = PANEL_TABS.find((tab) => tab === searchParams.get('tab'));
  const openItem = items.data?.find((item) => item.id === openItemId);

  const openItemInPanel = (item: LineItem | undefined, field?: string) => {
    const next = new URLSearchParams(searchParams);
    if (item) next.set('item', String(item.id));
    else next.delete('item');
    if (field) next.set('field', field);
    else next.delete('field');
    next.delete('tab');
    setSearchParams(next, { replace: true });
  };

  return (
    <div className="workspace">
      <p className="breadcrumbs">
        <Link to={`/?cycle=${cycle.id}`}>{cycle.title}</Link>
      </p>
      <div className="page-header">
        <h1>
          <span className="code">{subProgramme.code}</span> {subProgramme.name}
        </h1>
        <p className="page-header__meta">
          <SubProgrammeStatusBadge status={subProgramme.status} />{' '}
          <span className="code">{subProgramme.institutionCode}</span>
          {subProgramme.kind === 'central' && <span className="badge badge--info">{t('workspace.central')}</span>}
        </p>
      </div>

      <p role="status" className={announcement ? 'notice notice--ok' : 'visually-hidden'}>
        {announcement}
      </p>
      {owns && editRefusal && <p className="notice">{t(REFUSAL_MESSAGES[editRefusal])}</p>}
      {owns && !editRefusal && cycle.status === 'review' && (
        <p className="notice">{t(REFUSAL_MESSAGES['item-not-returned'])}</p>
      )}

      <div className="toolbar" role="group" aria-label={t('workspace.actions')}>
        {canCreate && (
          <>
            <button type="button" className="button" onClick={() => setAdding(true)}>
              {t('workspace.addItem')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setPasteText('')}>
              {t('workspace.paste')}
            </button>
          </>
        )}
        {canReview && (
          <Link className="button button--secondary" to={`/review/${subProgramme.id}`}>
            {t('workspace.toReview')}
          </Link>
        )}
        {subProgramme.status !== 'draft' && (
          <Link className="button button--secondary" to={`/sub-programmes/${subProgramme.id}/changes`}>
            {t('workspace.changes')}
          </Link>
        )}
        <DownloadButton
          url={`/api/sub-programmes/${subProgramme.id}/export.xlsx?lang=${language}`}
          fallbackName={`${subProgramme.code}.xlsx`}
          label={t('workspace.download')}
        />
        {owns && !editRefusal && (
          <button type="button" className="button button--secondary" onClick={() => setImporting(true)}>
            {t('workspace.import')}
          </button>
        )}
        {lastEdit && (
          <button
            type="button"
            className="button button--secondary"
            aria-label={t('undo.label', { field: fieldName(lastEdit.field), title: lastEdit.title })}
            title={t('undo.label', { field: fieldName(lastEdit.field), title: lastEdit.title })}
            aria-keyshortcuts="Control+Z"
            onClick={undo}
          >
            <span aria-hidden="true">↶ </span>
            {t('undo.button')}
          </button>
        )}
        <span role="status" className="toolbar__status">
          {editor.saving ? t('common.saving') : ''}
        </span>
      </div>

      {items.data && <KeptEdits edits={editor.kept} onSave={editor.saveKept} onDrop={editor.dropKept} />}

      {subProgramme.status === 'returned' && items.data && (
        <ReturnNotice subProgrammeId={subProgramme.id} items={items.data} />
      )}

      {canWithdraw && (
        <WithdrawSubmission subProgramme={subProgramme} onWithdrawn={() => setAnnouncement(t('withdraw.done'))} />
      )}

      {canSubmit && items.data && (
        <SubmitPanel
          subProgramme={subProgramme}
          items={items.data}
          fiscalYears={cycle.fiscalYears}
          onSubmitted={() => setAnnouncement(t('submit.done'))}
          problemLink={(problem) => {
            const next = new URLSearchParams(searchParams);
            next.set('item', String(problem.lineItemId));
            next.delete('tab');
            if (problem.field && problem.field !== 'amounts') next.set('field', problem.field);
            else next.delete('field');
            return `?${next.toString()}`;
          }}
        />
      )}

      {editor.conflict && (
        <ConflictBanner
          conflict={editor.conflict}
          onReapply={editor.reloadAndReapply}
          onDiscard={editor.reloadAndDiscard}
        />
      )}
      {editor.failure && (
        <div className="error-state" role="alert">
          <p className="error-state__title">{t('workspace.saveFailed', { title: editor.failure.title })}</p>
          <p>{describeError(editor.failure.error, t).message ?? describeError(editor.failure.error, t).heading}</p>
          <button type="button" className="button button--quiet" onClick={editor.dismissFailure}>
            {t('common.close')}
          </button>
        </div>
      )}

      <QueryView query={items} isEmpty={() => false}>
        {(list) => (
          <>
            <GridFilterBar filter={filter} onChange={setFilter} />
            <div className={openItem ? 'workspace__body has-panel' : 'workspace__body'}>
              <LineItemGrid
                caption={t('workspace.gridCaption', { code: subProgramme.code })}
                items={list}
                fiscalYears={cycle.fiscalYears}
                ekkOptions={ekkOptions}
                filter={filter}
                central={subProgramme.kind === 'central'}
                canEdit={canEditItem}
                onSave={(item, changes) => void editor.save(item.id, changes, { fromGrid: true })}
                onUndo={undo}
                onOpen={(item) => openItemInPanel(item)}
                onPasteRows={(text) => {
                  if (canCreate) setPasteText(text);
                }}
                openItemId={openItem?.id}
                focusItemId={focusItemId ?? openItemId}
              />
              {openItem && (
                <ItemPanel
                  item={openItem}
                  fiscalYears={cycle.fiscalYears}
                  editable={canEditItem(openItem)}
                  central={subProgramme.kind === 'central'}
                  saveError={editor.failure?.itemId === openItem.id ? editor.failure.error : undefined}
                  canComment={canComment}
                  canReview={canReview && openItem.reviewStatus !== 'cut' && openItem.reviewStatus !== 'draft'}
                  focusField={focusField}
                  focusTab={focusTab}
                  onSave={(changes) => editor.save(openItem.id, changes)}
                  onDeleted={() => openItemInPanel(undefined)}
                  onStale={() =>
                    editor.reportConflict({
                      itemId: openItem.id,
                      title: openItem.title,
                      changes: {},
                      detail: undefined,
                    })
                  }
                  onClose={() => {
                    openItemInPanel(undefined);
                    // Back to the grid, on the cell the cursor was on.
                    requestAnimationFrame(() =>
                      document.querySelector<HTMLElement>('.sheet [role="row"] [tabindex="0"]')?.focus(),
                    );
                  }}
                />
              )}
            </div>
          </>
        )}
      </QueryView>

      <AddItemDialog
        open={adding}
        subProgrammeId={subProgramme.id}
        fiscalYears={cycle.fiscalYears}
        ekkOptions={ekkOptions}
        onClose={() => setAdding(false)}
        onCreated={(item) => {
          setAdding(false);
          setFocusItemId(item.id);
          openItemInPanel(item);
        }}
      />
      <ImportDialog
        open={importing}
        subProgrammeId={subProgramme.id}
        subProgrammeCode={subProgramme.code}
        onClose={() => setImporting(false)}
        onImported={(result) =>
          setAnnouncement(t('import.done', { created: result.created.length, updated: result.updated.length }))
        }
      />
      <PasteRowsDialog
        open={pasteText !== null}
        initialText={pasteText ?? ''}
        subProgrammeId={subProgramme.id}
        fiscalYears={cycle.fiscalYears}
        selectableEkkCodes={selectableEkk}
        onClose={() => setPasteText(null)}
        onSaved={(created) => {
          const last = created[created.length - 1];
          if (last) setFocusItemId(last.id);
        }}
      />
    </div>
  );
}

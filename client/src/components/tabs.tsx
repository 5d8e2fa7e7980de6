import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface TabItem<Id extends string> {
  id: Id;
  label: string;
}

interface TabsProps<Id extends string> {
  /** Names the tab list for assistive technology. */
  label: string;
  idPrefix: string;
  items: readonly TabItem<Id>[];
  selected: Id;
  onSelect: (id: Id) => void;
  /** Only the selected panel's content is rendered, so a tab's data loads when it is opened. */
  renderPanel: (id: Id) => ReactNode;
  /**
   * A panel once opened stays rendered (hidden) when another tab is selected, so what was typed
   * in it is still there on coming back.
   */
  keepMounted?: boolean;
}

/**
 * WAI-ARIA tabs with automatic activation: arrow keys move between tabs and select them, Home and
 * End jump to the ends, and Tab moves from the selected tab into its panel.
 */
export function Tabs<Id extends string>({
  label,
  idPrefix,
  items,
  selected,
  onSelect,
  renderPanel,
  keepMounted,
}: TabsProps<Id>) {
  const tabRefs = useRef(new Map<Id, HTMLButtonElement>());
  const [opened, setOpened] = useState<ReadonlySet<Id>>(() => new Set([selected]));
  if (keepMounted && !opened.has(selected)) setOpened(new Set([...opened, selected]));

  function moveTo(index: number) {
    const count = items.length;
    const target = items[((index % count) + count) % count];
    if (!target) return;
    onSelect(target.id);
    tabRefs.current.get(target.id)?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const current = items.findIndex((item) => item.id === selected);
    const moves: Record<string, number> = {
      ArrowRight: current + 1,
      ArrowLeft: current - 1,
      Home: 0,
      End: items.length - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    moveTo(next);
  }

  return (
    <div className="tabs">
      <div className="tabs__list" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
        {items.map((item) => {
          const isSelected = item.id === selected;
          return (
            <button
              key={item.id}
              ref={(element) => {
                if (element) tabRefs.current.set(item.id, element);
                else tabRefs.current.delete(item.id);
              }}
              type="button"
              role="tab"
              id={`${idPrefix}-tab-${item.id}`}
              aria-selected={isSelected}
              aria-controls={`${idPrefix}-panel-${item.id}`}
              tabIndex={isSelected ? 0 : -1}
              className="tabs__tab"
              onClick={() => onSelect(item.id)}
            >
              {item.label}
            </button>
          );
        })}
      </div>
      {items.map((item) => {
        const isSelected = item.id === selected;
        return (
          <div
            key={item.id}
            role="tabpanel"
            id={`${idPrefix}-panel-${item.id}`}
            aria-labelledby={`${idPrefix}-tab-${item.id}`}
            tabIndex={0}
            hidden={!isSelected}
            className="tabs__panel"
          >
            {(isSelected || (keepMounted && opened.has(item.id))) && renderPanel(item.id)}
          </div>
        );
      })}
    </div>
  );
}

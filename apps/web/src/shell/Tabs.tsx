import { type KeyboardEvent, useRef } from "react";
import { TABS, type Tab } from "../url/url-state";
import { useUrlState } from "../url/use-url-state";

export const TAB_LABELS: Record<Tab, string> = {
  map: "Map",
  chart: "Chart",
  table: "Table",
  gaps: "Gaps",
  compare: "Compare areas",
  change: "Stages and factors",
  organisation: "Organisation journey",
};

export const tabId = (tab: Tab) => `tab-${tab}`;
export const tabPanelId = (tab: Tab) => `panel-${tab}`;

/** The view tabs (WAI-ARIA tabs pattern: arrow keys move between tabs, Tab moves into the panel). */
export function TabList() {
  const [state, update] = useUrlState();
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    let next = -1;
    if (event.key === "ArrowRight") next = (index + 1) % TABS.length;
    else if (event.key === "ArrowLeft") next = (index - 1 + TABS.length) % TABS.length;
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = TABS.length - 1;
    if (next < 0) return;
    event.preventDefault();
    update({ tab: TABS[next]! });
    refs.current[next]?.focus();
  };
  return (
    <nav className="tabs" aria-label="Views">
      <div role="tablist" aria-label="Views of the data">
        {TABS.map((tab, index) => (
          <button
            key={tab}
            ref={(el) => {
              refs.current[index] = el;
            }}
            type="button"
            role="tab"
            id={tabId(tab)}
            aria-selected={state.tab === tab}
            aria-controls={state.tab === tab ? tabPanelId(tab) : undefined}
            tabIndex={state.tab === tab ? 0 : -1}
            onClick={() => update({ tab })}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {TAB_LABELS[tab]}
          </button>
        ))}
      </div>
    </nav>
  );
}

import { useQuery } from "@tanstack/react-query";
import { type KeyboardEvent, useId, useMemo, useState } from "react";
import { areasQuery, organisationsQuery } from "../api/queries";
import { useDashboard } from "../state/use-dashboard";
import { type SearchResult, searchAll } from "./search-index";

/**
 * Search by area or organisation name or code (WAI-ARIA combobox with a listbox popup). Choosing an area
 * opens its panel at its level; choosing an organisation opens its journey.
 */
export function SearchBox() {
  const { state, update, wave } = useDashboard();
  const areas = useQuery(areasQuery(null));
  const organisations = useQuery({ ...organisationsQuery(wave ?? "", null), enabled: wave !== null });
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const results = useMemo(
    () => searchAll(query, areas.data?.areas ?? [], organisations.data?.organisations ?? []),
    [query, areas.data, organisations.data],
  );
  const expanded = open && query.trim().length >= 2;

  const choose = (result: SearchResult) => {
    if (result.kind === "area") {
      const keepTab = ["map", "chart", "table", "gaps"].includes(state.tab);
      update({ area: result.code, level: result.level ?? state.level, tab: keepTab ? state.tab : "map" });
    } else {
      update({ org: result.code, tab: "organisation" });
    }
    setQuery("");
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, results.length - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === "Enter" && expanded && results[active]) {
      event.preventDefault();
      choose(results[active]!);
    } else if (event.key === "Escape") {
      setOpen(false);
    }
  };

  const optionId = (index: number) => `${listId}-option-${index}`;
  return (
    <div className="control search-box">
      <label htmlFor="search">Find an area or organisation</label>
      <input
        id="search"
        type="search"
        role="combobox"
        autoComplete="off"
        placeholder="Name or code, e.g. Leeds or E54000054"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && results[active] ? optionId(active) : undefined}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      <div
        id={listId}
        role="listbox"
        aria-label="Search results"
        className="search-results"
        hidden={!expanded}
      >
        {expanded && results.length === 0 ? (
          <div className="no-results" role="option" aria-selected={false} aria-disabled="true" tabIndex={-1}>
            No area or organisation matches “{query}”
          </div>
        ) : null}
        {expanded
          ? results.map((result, index) => (
              <div
                key={`${result.kind}-${result.code}`}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                tabIndex={-1}
                className={index === active ? "active" : undefined}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(result)}
                // Keys are handled by the combobox input (aria-activedescendant); options never take focus.
                onKeyDown={() => {}}
              >
                <span className="result-name">{result.name}</span>{" "}
                <span className="result-detail">
                  {result.detail} · {result.code}
                </span>
              </div>
            ))
          : null}
      </div>
    </div>
  );
}

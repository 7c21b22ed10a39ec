import { useQuery } from "@tanstack/react-query";
import { type KeyboardEvent, useId, useMemo, useState } from "react";
import { areasQuery, organisationsQuery, placesQuery } from "../api/queries";
import { useDashboard } from "../state/use-dashboard";
import { type SearchResult, searchAll } from "./search-index";

/**
 * Search by place (local authority, county, council area), NHS area or organisation, by name or code
 * (WAI-ARIA combobox with a listbox popup). Choosing an area opens its panel at its level; choosing a
 * place opens the panel of the NHS area serving (most of) it; choosing an organisation opens its journey.
 */
export function SearchBox() {
  const { state, update, wave } = useDashboard();
  const areas = useQuery(areasQuery(null));
  const organisations = useQuery({ ...organisationsQuery(wave ?? "", null), enabled: wave !== null });
  // The places list is only needed once someone starts to search: fetched on first focus.
  const [wanted, setWanted] = useState(false);
  const places = useQuery({ ...placesQuery(), enabled: wanted });
  const [query, setQuery] = useState("");
  const [announcement, setAnnouncement] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const results = useMemo(
    () =>
      searchAll(
        query,
        areas.data?.areas ?? [],
        organisations.data?.organisations ?? [],
        places.data?.places ?? [],
      ),
    [query, areas.data, organisations.data, places.data],
  );
  const expanded = open && query.trim().length >= 2;

  const choose = (result: SearchResult) => {
    if (result.kind === "area" || result.kind === "place") {
      const keepTab = ["map", "chart", "table", "gaps"].includes(state.tab);
      update({
        area: result.target ?? result.code,
        level: result.level ?? state.level,
        tab: keepTab ? state.tab : "map",
      });
      setAnnouncement(result.kind === "place" ? `${result.name}: ${result.detail}` : "");
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
      <label htmlFor="search">Find a place, area or organisation</label>
      <input
        id="search"
        type="search"
        role="combobox"
        autoComplete="off"
        placeholder="e.g. Leeds, Norfolk, Cardiff or E54000054"
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
        onFocus={() => setWanted(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      {/* Says which NHS area a chosen place opened, for screen readers (the panel shows it to everyone). */}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      <div
        id={listId}
        role="listbox"
        aria-label="Search results"
        className="search-results"
        hidden={!expanded}
      >
        {expanded && results.length === 0 ? (
          <div className="no-results" role="option" aria-selected={false} aria-disabled="true" tabIndex={-1}>
            {places.isLoading ? "Loading place names…" : `No place, area or organisation matches “${query}”`}
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
                  {result.detail}
                  {result.kind === "place" ? "" : ` · ${result.code}`}
                </span>
              </div>
            ))
          : null}
      </div>
    </div>
  );
}

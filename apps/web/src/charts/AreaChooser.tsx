import type { Area } from "@atlas/domain";
import { useMemo, useState } from "react";
import { normalise } from "../controls/search-index";
import { MAX_COMPARE } from "../url/url-state";

/** Checkboxes for 2–6 areas at one level, with a filter box; the picked ones are listed with Remove. */
export function AreaChooser({
  areas,
  picked,
  onChange,
}: {
  areas: Area[];
  picked: string[];
  onChange: (codes: string[]) => void;
}) {
  const [filter, setFilter] = useState("");
  const visible = useMemo(() => {
    const q = normalise(filter);
    return [...areas]
      .sort((a, b) => a.name.localeCompare(b.name))
      .filter((a) => !q || normalise(a.name).includes(q) || a.code.toLowerCase().includes(q));
  }, [areas, filter]);
  const names = new Map(areas.map((a) => [a.code, a.name]));
  const full = picked.length >= MAX_COMPARE;
  const toggle = (code: string) =>
    onChange(picked.includes(code) ? picked.filter((c) => c !== code) : [...picked, code]);
  return (
    <fieldset className="area-chooser">
      <legend>
        Pick 2 to {MAX_COMPARE} areas to compare ({picked.length} picked)
      </legend>
      {picked.length > 0 ? (
        <ul className="picked" aria-label="Picked areas">
          {picked.map((code) => (
            <li key={code}>
              {names.get(code) ?? code}{" "}
              <button
                type="button"
                onClick={() => toggle(code)}
                aria-label={`Remove ${names.get(code) ?? code}`}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <label className="chooser-filter">
        Filter the list{" "}
        <input type="search" value={filter} onChange={(event) => setFilter(event.target.value)} />
      </label>
      <div className="chooser-options">
        {visible.map((area) => {
          const checked = picked.includes(area.code);
          return (
            <label key={area.code} className={checked ? "checked" : undefined}>
              <input
                type="checkbox"
                checked={checked}
                disabled={!checked && full}
                onChange={() => toggle(area.code)}
              />
              {area.name}
            </label>
          );
        })}
      </div>
      {full ? (
        <p className="hint">That is the most that can be compared at once; remove one to pick another.</p>
      ) : null}
    </fieldset>
  );
}

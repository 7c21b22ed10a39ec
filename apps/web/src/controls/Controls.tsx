import { useState } from "react";
import { NeedControl } from "../need/NeedControl";
import { useDashboard } from "../state/use-dashboard";
import { LEVEL_NOUNS, LevelSwitch } from "./LevelSwitch";
import { MetricPicker } from "./MetricPicker";
import { SearchBox } from "./SearchBox";
import { WaveSlider } from "./WaveSlider";

/**
 * The filters every view shares; each writes to the URL. A column beside the views on wide screens; on a
 * phone one line saying what is chosen, opened to change it, so the map starts within the first screen.
 */
export function Controls() {
  const { metric, wave, state } = useDashboard();
  const [open, setOpen] = useState(false);
  return (
    <section className={open ? "controls open" : "controls"} aria-label="Filters">
      <button
        type="button"
        className="controls-toggle"
        aria-expanded={open}
        aria-controls="filter-fields"
        onClick={() => setOpen((was) => !was)}
      >
        <span className="toggle-label">{open ? "Hide filters" : "Filters"}</span>
        <span className="toggle-summary">
          {metric?.title ?? "Metric"} · {wave ?? "latest wave"} · {LEVEL_NOUNS[state.level]}
          {Object.keys(state.need).length > 0 ? " · need assumptions changed" : ""}
        </span>
      </button>
      <div id="filter-fields" className="control-fields">
        <MetricPicker />
        <NeedControl />
        <WaveSlider />
        <LevelSwitch />
        <SearchBox />
      </div>
    </section>
  );
}

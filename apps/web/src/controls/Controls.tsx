import { LevelSwitch } from "./LevelSwitch";
import { MetricPicker } from "./MetricPicker";
import { SearchBox } from "./SearchBox";
import { WaveSlider } from "./WaveSlider";

/** The filters every view shares; each writes to the URL. */
export function Controls() {
  return (
    <section className="controls" aria-label="Filters">
      <MetricPicker />
      <WaveSlider />
      <LevelSwitch />
      <SearchBox />
    </section>
  );
}

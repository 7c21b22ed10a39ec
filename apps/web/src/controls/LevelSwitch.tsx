import { AREA_LEVELS, type AreaLevel } from "@atlas/domain";
import { useUrlState } from "../url/use-url-state";
import { ControlScopeNote } from "./ControlScopeNote";
import { controlScopes } from "./control-scope";

export const LEVEL_LABELS: Record<AreaLevel, string> = {
  nation: "Nations",
  region: "Regions",
  local: "Local areas (ICB, health board, HSC trust)",
};

/** The level as a plural noun for headings, e.g. "Gaps in provision, 2026: local areas". */
export const LEVEL_NOUNS: Record<AreaLevel, string> = {
  nation: "nations",
  region: "regions",
  local: "local areas",
};

/** Nation, region or local: a radio group, so arrow keys move between levels. */
export function LevelSwitch() {
  const [state, update] = useUrlState();
  const scope = controlScopes(state).level;
  return (
    <fieldset
      className="control level-switch"
      disabled={!scope.applies}
      aria-describedby={scope.applies && !scope.note ? undefined : "level-scope"}
    >
      <legend>Level</legend>
      {AREA_LEVELS.map((level) => (
        <label key={level}>
          <input
            type="radio"
            name="level"
            value={level}
            checked={state.level === level}
            onChange={() => update({ level })}
          />
          {LEVEL_LABELS[level]}
        </label>
      ))}
      <ControlScopeNote id="level-scope" scope={scope} />
    </fieldset>
  );
}

import { useEffect, useRef, useState } from "react";
import { useWidth } from "../charts/use-width";
import { useDashboard } from "../state/use-dashboard";
import { usePrefersReducedMotion } from "../state/use-prefers-reduced-motion";
import { ControlScopeNote } from "./ControlScopeNote";
import { controlScopes } from "./control-scope";

/** Time per wave while playing; longer when the reader asked for less motion. */
const STEP_MS = 1_400;
const REDUCED_STEP_MS = 2_800;
/** Slider moves closer together than this are one change in the history (a held or repeated arrow key). */
const CONTINUOUS_MS = 1_500;
/** Room one character of a wave label needs under the track (0.72rem), and the gap between labels. */
const TICK_CHAR_PX = 7.5;
const TICK_GAP_PX = 8;

/**
 * The survey wave: a slider over every wave, with play/pause. Playing moves one wave at a time and
 * replaces the history entry (so Back leaves the animation, not each frame), stopping at the last wave;
 * so do quick successive moves of the slider itself (arrow keys, dragging).
 */
export function WaveSlider() {
  const { state, update, waves, waveIds, wave, waveInfo } = useDashboard();
  const scope = controlScopes(state).wave;
  const [playing, setPlaying] = useState(false);
  const reducedMotion = usePrefersReducedMotion();
  const index = wave ? waveIds.indexOf(wave) : -1;
  const indexRef = useRef(index);
  indexRef.current = index;
  // Every wave keeps a tick; only as many labels are shown as fit the track (the latest always).
  const track = useRef<HTMLDivElement>(null);
  const trackWidth = useWidth(track, 600, 1);
  const labelPx = Math.max(4, ...waveIds.map((id) => id.length)) * TICK_CHAR_PX + TICK_GAP_PX;
  const tickStep = Math.max(1, Math.ceil((waveIds.length * labelPx) / trackWidth));

  // A view that does not use the wave stops the animation.
  useEffect(() => {
    if (!scope.applies) setPlaying(false);
  }, [scope.applies]);

  // Moving the slider (arrow keys, dragging) is one continuous change: the first step adds a history
  // entry, the steps that follow within a moment replace it, so Back returns to where it started.
  const lastMove = useRef(Number.NEGATIVE_INFINITY);
  const move = (next: string) => {
    const now = Date.now();
    update({ wave: next }, now - lastMove.current < CONTINUOUS_MS ? "replace" : "push");
    lastMove.current = now;
  };

  useEffect(() => {
    if (!playing) return;
    const timer = window.setInterval(
      () => {
        const next = indexRef.current + 1;
        if (next >= waveIds.length) {
          setPlaying(false);
          return;
        }
        update({ wave: waveIds[next]! }, "replace");
      },
      reducedMotion ? REDUCED_STEP_MS : STEP_MS,
    );
    return () => window.clearInterval(timer);
  }, [playing, waveIds, update, reducedMotion]);

  const play = () => {
    if (playing) {
      setPlaying(false);
      return;
    }
    // From the last wave, play starts again at the first.
    if (index >= waveIds.length - 1 && waveIds.length > 0) update({ wave: waveIds[0]! });
    setPlaying(true);
  };

  const label = waveInfo
    ? `${waveInfo.label}${waveInfo.synthetic && !/synthetic/i.test(waveInfo.label) ? " (synthetic)" : ""}`
    : "";
  return (
    <div className="control wave-slider">
      <label htmlFor="wave">
        Survey wave: <output htmlFor="wave">{waves.isLoading ? "loading…" : label}</output>
      </label>
      <div className="wave-row">
        <button
          type="button"
          className="play"
          onClick={play}
          aria-pressed={playing}
          disabled={waveIds.length < 2 || !scope.applies}
          aria-label={playing ? "Pause the waves" : "Play the waves in order"}
        >
          <span aria-hidden={!playing}>❚❚ Pause</span>
          <span aria-hidden={playing}>▶ Play</span>
        </button>
        <div className="wave-track" ref={track}>
          <input
            id="wave"
            type="range"
            min={0}
            max={Math.max(0, waveIds.length - 1)}
            step={1}
            value={Math.max(0, index)}
            disabled={waveIds.length === 0 || !scope.applies}
            aria-valuetext={label || undefined}
            aria-describedby={scope.applies && !scope.note ? undefined : "wave-scope"}
            onChange={(event) => {
              setPlaying(false);
              const next = waveIds[Number(event.target.value)];
              if (next) move(next);
            }}
          />
          <div className="wave-ticks" aria-hidden="true">
            {waveIds.map((id, i) => {
              const last = waveIds.length - 1;
              // The current wave is always labelled; the others every `tickStep`-th, counted from the latest,
              // except those too close to the current one to fit beside it.
              const onGrid = (last - i) % tickStep === 0 && Math.abs(i - index) >= tickStep;
              const shown = id === wave || onGrid;
              if (!shown) return null;
              const place = i === 0 ? "first" : i === last ? "last" : "";
              return (
                <span
                  key={id}
                  className={`${place} ${id === wave ? "current" : ""}`.trim() || undefined}
                  style={{ left: `${last > 0 ? (i / last) * 100 : 0}%` }}
                >
                  {id}
                </span>
              );
            })}
          </div>
        </div>
      </div>
      <ControlScopeNote id="wave-scope" scope={scope} />
    </div>
  );
}

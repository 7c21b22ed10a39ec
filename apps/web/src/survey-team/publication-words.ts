import type { WaveStatus } from "./admin-api";

/** "Draft", "Published, provisional", … */
export function waveStateText(wave: Pick<WaveStatus, "state" | "provisional">): string {
  return `${wave.state === "draft" ? "Draft" : "Published"}${wave.provisional ? ", provisional" : ""}`;
}

/** What publishing or unpublishing a wave does, said before it is done. */
export function publicationConsequence(wave: WaveStatus): string {
  const one = wave.returns === 1;
  const returns = `${wave.returns} ${one ? "return" : "returns"}`;
  return wave.state === "draft"
    ? `Publishing makes wave ${wave.id} public at once: its ${returns} (of ${wave.registerOpen} organisations invited) ${one ? "appears" : "appear"} to everyone, in the dashboard, the API and every download${wave.provisional ? ", marked provisional" : ""}. Its respondent links stop working, so no more returns can come in through them.`
    : `Unpublishing hides wave ${wave.id} from the public at once: it disappears from the dashboard, the API and every download for everyone but the survey team, until it is published again. Its ${returns} ${one ? "is" : "are"} kept.`;
}

import { describe, expect, it } from "vitest";
import type { WaveStatus } from "./admin-api";
import { publicationConsequence, waveStateText } from "./publication-words";

const wave = (over: Partial<WaveStatus>): WaveStatus => ({
  id: "2027",
  label: "2027",
  fieldworkStart: null,
  fieldworkEnd: null,
  synthetic: false,
  source: "MBCT survey 2027",
  state: "draft",
  published: false,
  provisional: false,
  publishedAt: null,
  publishedBy: null,
  organisationsInvited: 12,
  returns: 1,
  registerOpen: 84,
  lastImport: null,
  ...over,
});

describe("what publishing or unpublishing a wave does, said before it is done", () => {
  it("says what becomes public, how much, and that its links stop working", () => {
    expect(publicationConsequence(wave({}))).toBe(
      "Publishing makes wave 2027 public at once: its 1 return (of 84 organisations invited) appears to everyone, in the dashboard, the API and every download. Its respondent links stop working, so no more returns can come in through them.",
    );
    expect(publicationConsequence(wave({ returns: 12, provisional: true }))).toContain(
      "its 12 returns (of 84 organisations invited) appear to everyone, in the dashboard, the API and every download, marked provisional.",
    );
  });

  it("says what is hidden, from whom, and that nothing is deleted", () => {
    expect(publicationConsequence(wave({ state: "published", published: true, returns: 80 }))).toBe(
      "Unpublishing hides wave 2027 from the public at once: it disappears from the dashboard, the API and every download for everyone but the survey team, until it is published again. Its 80 returns are kept.",
    );
  });

  it("agrees with one return", () => {
    expect(publicationConsequence(wave({ state: "published", returns: 1 }))).toContain(
      "Its 1 return is kept.",
    );
  });

  it("names the state with its provisional mark", () => {
    expect(waveStateText(wave({}))).toBe("Draft");
    expect(waveStateText(wave({ state: "published", provisional: true }))).toBe("Published, provisional");
  });
});

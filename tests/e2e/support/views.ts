import type { Page } from "playwright-core";
import { waitForMap } from "./session";

/** One view of the app: its path, and what to wait for before it counts as drawn. */
export interface AppView {
  name: string;
  path: string;
  ready(page: Page): Promise<void>;
}

const shown = (selector: string) => async (page: Page) => {
  await page.locator(selector).first().waitFor({ timeout: 30_000 });
};

/**
 * Every tab, the map at local level, the map with an area's panel open, the printable brief and the
 * organisation directory and the survey team's page (locked), each with the element that says it is drawn. `latest` is the latest wave (the map's `data-shown` names it).
 */
export function appViews(latest: string): AppView[] {
  return [
    { name: "map", path: "/", ready: (page) => waitForMap(page, `${latest}|region|offering_pct`) },
    {
      name: "map, local level",
      path: "/?level=local",
      ready: (page) => waitForMap(page, `${latest}|local|need_met_pct`),
    },
    {
      name: "map with an area's panel",
      path: "/?level=local&area=E54000054",
      ready: async (page) => {
        await waitForMap(page, `${latest}|local|need_met_pct`);
        await shown(".area-panel .area-organisations")(page);
      },
    },
    {
      name: "chart",
      path: "/?tab=chart",
      ready: async (page) => {
        await shown('[data-testid="national-trend"] svg')(page);
        await shown('[data-testid="ranked-dot-plot"] svg')(page);
      },
    },
    { name: "table", path: "/?tab=table", ready: shown('[data-testid="coverage-table"] tbody tr') },
    {
      name: "gaps",
      path: "/?tab=gaps",
      ready: async (page) => {
        await waitForMap(page, `${latest}|region|unmet_places`);
        await shown('[data-testid="gap-list"] > li')(page);
      },
    },
    {
      name: "compare",
      path: "/?tab=compare&compare=E40000003,E40000005",
      ready: async (page) => {
        await shown('[data-testid="compare-trends"] svg')(page);
        // Drawn, or a sentence saying why not (the funnel plan decides from the denominators).
        await shown('[data-testid="compare-funnel"] svg, [data-testid="funnel-not-drawn"]')(page);
      },
    },
    {
      name: "change",
      path: "/?tab=change",
      ready: async (page) => {
        await shown('[data-testid="stage-transitions"] svg')(page);
        await shown('[data-testid="factors-barrier"] svg')(page);
      },
    },
    { name: "organisation", path: "/?tab=organisation", ready: shown(".organisation-list li") },
    {
      name: "brief",
      path: "/?view=brief&area=E54000054",
      ready: async (page) => {
        await shown('[data-testid="brief-trend"] svg')(page);
        await page.locator("main.brief h2", { hasText: /^What organisations at a later stage/ }).waitFor();
      },
    },
    { name: "directory", path: "/?view=directory", ready: shown('[data-testid="directory-table"] tbody tr') },
    // Locked (no token in a fresh tab): survey-team.test.ts checks it unlocked.
    { name: "survey team", path: "/?view=survey-team", ready: shown('input[type="password"]') },
  ];
}

/** The three screens every view must work on: a phone, a tablet upright, a desktop. */
export const SCREENS = [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1440, height: 900 },
] as const;

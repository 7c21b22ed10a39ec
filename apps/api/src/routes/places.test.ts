import { TEST_DIALECTS } from "@atlas/db/testing";
import { AreasResponseSchema, PlacesResponseSchema } from "@atlas/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../testing";

describe.each(TEST_DIALECTS)("GET /api/places on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(kind, { reference: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("names the NHS area serving each place, the largest share first, every area a local area", async () => {
    const res = await t.app.request("/api/places");
    expect(res.status).toBe(200);
    const { places, attribution } = PlacesResponseSchema.parse(await res.json());
    expect(attribution.licence).toBe("Open Government Licence v3.0");
    const find = (name: string) => places.find((p) => p.name === name)!;
    expect(find("Leeds")).toMatchObject({ nation: "England", areas: [{ code: "E54000054", share: 1 }] });
    expect(find("Norfolk").areas).toEqual([{ code: "E54000022", share: 1 }]);
    expect(find("Cardiff")).toMatchObject({ nation: "Wales", areas: [{ code: "W11000029", share: 1 }] });
    expect(find("Glasgow City")).toMatchObject({ type: "council_area_2019", areas: [{ code: "S08000031" }] });
    const essex = find("Essex").areas;
    expect(essex.map((a) => a.code)).toEqual(["E54000026", "E54000023", "E54000025"]);
    expect(essex.reduce((sum, a) => sum + a.share, 0)).toBeCloseTo(1, 3);
    expect(new Set(places.map((p) => p.nation))).toEqual(
      new Set(["England", "Scotland", "Wales", "Northern Ireland"]),
    );
    const local = AreasResponseSchema.parse(await (await t.app.request("/api/areas?level=local")).json());
    const codes = new Set(local.areas.map((a) => a.code));
    for (const place of places)
      for (const area of place.areas) expect(codes.has(area.code), place.name).toBe(true);
  });

  it("is cacheable for a day and revalidates with its ETag", async () => {
    const res = await t.app.request("/api/places");
    expect(res.headers.get("cache-control")).toBe("public, max-age=86400, stale-while-revalidate=604800");
    const etag = res.headers.get("etag")!;
    expect(etag).toMatch(/^"/);
    const again = await t.app.request("/api/places", { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
  });
});

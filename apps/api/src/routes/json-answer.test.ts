import { Hono } from "hono";
import { afterEach, describe, expect, it, vi } from "vitest";
import { jsonAnswer } from "./json-answer";

describe("jsonAnswer", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("serialises a view object once however often it is answered, and every other object afresh", async () => {
    const memoised = { areas: [{ code: "A", value: 1.5 }] };
    let fresh = 0;
    const app = new Hono()
      .get("/memoised", (c) => jsonAnswer(c, memoised))
      .get("/fresh", (c) => jsonAnswer(c, { n: ++fresh }));
    const stringify = vi.spyOn(JSON, "stringify");
    const first = await app.request("/memoised");
    const second = await app.request("/memoised");
    expect(first.headers.get("content-type")).toBe("application/json");
    expect(await first.json()).toEqual(memoised);
    expect(await second.text()).toBe(JSON.stringify(memoised));
    const serialised = stringify.mock.calls.filter(([value]) => value === memoised).length;
    // Once for the answers, once for the expectation just above.
    expect(serialised).toBe(2);
    expect(await (await app.request("/fresh")).json()).toEqual({ n: 1 });
    expect(await (await app.request("/fresh")).json()).toEqual({ n: 2 });
  });
});

import { describe, expect, it } from "vitest";
import { keptWith } from "./kept-with";

describe("keptWith", () => {
  it("computes once per owner and key, a null answer included, and apart for each owner", () => {
    const cache = new WeakMap<object, Map<string, string | null>>();
    const [a, b] = [{}, {}];
    let calls = 0;
    const nation = (owner: object, id: string) =>
      keptWith(cache, owner, id, () => {
        calls += 1;
        return id === "UK" ? null : `${id}-nation`;
      });
    expect([nation(a, "UK"), nation(a, "UK"), nation(a, "L1"), nation(a, "L1")]).toEqual([
      null,
      null,
      "L1-nation",
      "L1-nation",
    ]);
    expect(calls).toBe(2);
    nation(b, "L1");
    expect(calls).toBe(3);
  });
});

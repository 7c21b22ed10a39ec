import { afterEach, describe, expect, it, vi } from "vitest";
import { createAdminSession } from "./admin-session";
import { getJson, withDrafts } from "./client";

/** A Storage that records every key written. */
function recordingStorage() {
  const values = new Map<string, string>();
  const writes: string[] = [];
  return {
    writes,
    values,
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => {
      writes.push(key);
      values.set(key, value);
    },
    removeItem: (key: string) => void values.delete(key),
  };
}

/** A global that fails the test when anything reads or writes it. */
const forbidden = (name: string) =>
  new Proxy(
    {},
    {
      get: (_t, key) => {
        throw new Error(`${name}.${String(key)} was touched`);
      },
    },
  );

afterEach(() => vi.unstubAllGlobals());

describe("the survey team's admin token", () => {
  it("is kept in the tab's sessionStorage only: never localStorage, a cookie, the address or history", () => {
    const session = recordingStorage();
    vi.stubGlobal("sessionStorage", session);
    for (const name of ["localStorage", "location", "history"]) vi.stubGlobal(name, forbidden(name));
    vi.stubGlobal("document", forbidden("document"));
    const admin = createAdminSession();
    admin.unlock("a-token-of-sixteen-plus");
    expect(admin.token()).toBe("a-token-of-sixteen-plus");
    expect([...session.values.values()]).toContain("a-token-of-sixteen-plus");
    admin.setPreview(true);
    expect(admin.previewToken()).toBe("a-token-of-sixteen-plus");
  });

  it("is forgotten on lock, preview included", () => {
    const store = recordingStorage();
    const admin = createAdminSession(store);
    admin.unlock("secret-token-0123456789");
    admin.setPreview(true);
    admin.lock();
    expect(admin.token()).toBeNull();
    expect(admin.previewToken()).toBeNull();
    expect(store.values.size).toBe(0);
  });

  it("falls back to memory when the browser refuses sessionStorage", () => {
    vi.stubGlobal("sessionStorage", {
      setItem: () => {
        throw new Error("SecurityError");
      },
    });
    vi.stubGlobal("localStorage", forbidden("localStorage"));
    const admin = createAdminSession();
    admin.unlock("memory-token-0123456789");
    expect(admin.token()).toBe("memory-token-0123456789");
  });

  it("gives no preview token until preview is turned on", () => {
    const admin = createAdminSession(recordingStorage());
    admin.unlock("secret-token-0123456789");
    expect(admin.previewToken()).toBeNull();
    admin.setPreview(true);
    admin.setPreview(false);
    expect(admin.previewToken()).toBeNull();
  });
});

describe("data reads outside draft preview", () => {
  it("send no token and ask for no drafts", async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ ok: true }), { status: 200 }));
    vi.stubGlobal("fetch", fetch);
    const { z } = await import("zod");
    await getJson("/api/waves", z.object({ ok: z.boolean() }));
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/waves");
    expect(JSON.stringify(init.headers)).not.toMatch(/authorization/i);
  });

  it("adds include=drafts to a path with or without a query", () => {
    expect(withDrafts("/api/waves")).toBe("/api/waves?include=drafts");
    expect(withDrafts("/api/coverage?wave=2027")).toBe("/api/coverage?wave=2027&include=drafts");
  });
});

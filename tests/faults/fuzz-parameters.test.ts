import { loadDemoData } from "@atlas/api";
import { buildTestApp, type TestApp } from "@atlas/api/testing";
import { ProblemSchema } from "@atlas/domain";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

interface Operation {
  path: string;
  parameters: { name: string; in: "query" | "path"; schema?: { enum?: string[] } }[];
}

/** Plausible and hostile values for one parameter: valid ones, near misses, injection and encoding tricks. */
function valueFor(enumValues: string[] | undefined) {
  return fc.oneof(
    ...(enumValues?.length ? [fc.constantFrom(...enumValues)] : []),
    fc.constantFrom(
      "2026",
      "2024",
      "2012",
      "E54000027",
      "E40000003,E40000005",
      "RV3",
      "K02000001",
      "csv",
      "json",
    ),
    fc.constantFrom("", " ", "-1", "0", "99999999999999999999", "1e309", "NaN", "null", "undefined", "true"),
    fc.constantFrom(
      "' OR 1=1 --",
      '"; DROP TABLE areas; --',
      '=HYPERLINK("http://x")',
      "../../etc/passwd",
      "%00",
      "\u0000",
      "🙂",
      "a".repeat(5000),
    ),
    fc.string({ maxLength: 40 }),
    fc.string({ unit: "binary", maxLength: 20 }),
  );
}

describe("fuzzing every query and path parameter", () => {
  let t: TestApp;
  let operations: Operation[];

  beforeAll(async () => {
    t = await buildTestApp("sqlite", { reference: true });
    await loadDemoData(t.db);
    const doc = (await (await t.app.request("/api/openapi.json")).json()) as {
      paths: Record<string, { get?: { parameters?: Operation["parameters"] } }>;
    };
    operations = Object.entries(doc.paths)
      .filter(([, item]) => item.get)
      .map(([path, item]) => ({ path, parameters: item.get!.parameters ?? [] }));
  });
  afterAll(async () => {
    await t?.close();
  });

  it("documents parameters for the data endpoints", () => {
    const documented = operations.filter((o) => o.parameters.length > 0).map((o) => o.path);
    expect(documented).toEqual(
      expect.arrayContaining(["/api/coverage", "/api/trends", "/api/gaps", "/api/export"]),
    );
  });

  it("never answers 5xx, and every error is problem+json", async () => {
    const arbitrary = fc.integer({ min: 0, max: 1000 }).chain((pick) => {
      const op = operations[pick % operations.length]!;
      return fc
        .tuple(...op.parameters.map((p) => fc.option(valueFor(p.schema?.enum), { nil: undefined })))
        .map((values) => ({ op, values }));
    });
    await fc.assert(
      fc.asyncProperty(arbitrary, async ({ op, values }) => {
        let path = op.path;
        const query = new URLSearchParams();
        op.parameters.forEach((p, i) => {
          const v = values[i];
          if (p.in === "path") path = path.replace(`{${p.name}}`, encodeURIComponent(v ?? "x"));
          else if (v !== undefined) query.append(p.name, v);
        });
        const res = await t.app.request(`${path}${query.size ? `?${query}` : ""}`);
        expect(res.status, `${path}?${query}`).toBeLessThan(500);
        if (res.status >= 400) {
          expect(res.headers.get("content-type")).toContain("application/problem+json");
          ProblemSchema.parse(await res.json());
        } else await res.arrayBuffer();
      }),
      { numRuns: 400 },
    );
  });
});

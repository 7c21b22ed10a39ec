import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connect, parseDatabaseUrl } from "@atlas/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli-process";

async function storedLinks(databaseUrl: string) {
  const handle = connect(parseDatabaseUrl(databaseUrl));
  try {
    return await handle.db.selectFrom("responseLinks").selectAll().execute();
  } finally {
    await handle.close();
  }
}

describe("pnpm atlas links, through the real CLI on a fresh database", () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "atlas-links-"));
    env = {
      DATABASE_URL: `sqlite:${join(dir, "atlas.sqlite")}`,
      ATLAS_DEMO: "0",
      ATLAS_PUBLIC_URL: "https://atlas.example.nhs.uk",
    };
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes a private CSV of one link per invited organisation, storing only the tokens' hashes", async () => {
    const out = join(dir, "links-2027.csv");
    const run = await runCli(
      ["links", "2027", "--out", out, "--expires", "2027-06-30", "--by", "Survey team"],
      env,
    ).done;
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^wave 2027: \d+ links made, working until 2027-06-30T23:59:59\.000Z\. Wrote .*links-2027\.csv/,
    );
    // Readable by its owner only.
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const lines = readFileSync(out, "utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("org_code,org_name,link,expires_at");
    const rows = lines.slice(1).map((l) => {
      const [code] = l.split(",");
      const link = /(https:\/\/[^,]+)/.exec(l)![1]!;
      return { code: code!, link, token: link.split("#t=")[1]! };
    });
    expect(rows.length).toBeGreaterThan(60);
    for (const r of rows)
      expect(r.link).toBe(`https://atlas.example.nhs.uk/respond/2027/${r.code}#t=${r.token}`);

    const stored = await storedLinks(env.DATABASE_URL!);
    expect(stored).toHaveLength(rows.length);
    const hashes = new Set(stored.map((s) => s.tokenHash));
    for (const r of rows) {
      expect(hashes.has(createHash("sha256").update(r.token).digest("hex"))).toBe(true);
      expect(JSON.stringify(stored)).not.toContain(r.token);
      expect(run.stdout + run.stderr).not.toContain(r.token);
    }
    expect(stored[0]).toMatchObject({
      createdBy: "Survey team",
      createdOrigin: expect.stringMatching(/^cli:/),
    });
  }, 60_000);

  it("keeps working links, never overwrites a file of links, and says what is wrong", async () => {
    const before = (await storedLinks(env.DATABASE_URL!)).length;
    const again = await runCli(["links", "2027", "--out", join(dir, "again.csv")], env).done;
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(
      /0 links made; \d+ organisations already had a working link, kept .* No file written\./,
    );

    const existing = join(dir, "links-2027.csv");
    const refused = await runCli(["links", "2027", "--out", existing, "--reissue"], env).done;
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/links-2027\.csv exists already/);

    const unknown = await runCli(["links", "2027", "--org", "ZZZ9", "--out", join(dir, "u.csv")], env).done;
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown organisation codes: ZZZ9\. No link was made\./);
    expect((await storedLinks(env.DATABASE_URL!)).length).toBe(before);

    // A published wave takes no links (exit 3, a conflict).
    const file = join(dir, "returns-2026.csv");
    writeFileSync(file, "wave,org_code,provision\n2026,RV3,routine\n");
    expect((await runCli(["import", file], env).done).code).toBe(0);
    const published = await runCli(["links", "2026", "--out", join(dir, "p.csv")], env).done;
    expect(published.code).toBe(3);
    expect(published.stderr).toMatch(/wave 2026 is published/);
  }, 90_000);
});

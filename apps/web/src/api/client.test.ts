import { once } from "node:events";
import { createServer, type Server } from "node:http";
import { HealthSchema } from "@atlas/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ApiError,
  ApiUnreachableError,
  apiPath,
  ContractError,
  fetchFile,
  getJson,
  isRetryable,
} from "./client";

// A real HTTP server on loopback answering a few fixed routes, so fetch, status codes and parsing are exercised.
let server: Server;
let base: string;
const health = {
  status: "ok",
  database: "sqlite",
  dataVersion: "v1",
  waves: 8,
  synthetic: true,
  version: "0.1.0",
};

beforeAll(async () => {
  server = createServer((req, res) => {
    const send = (status: number, body: unknown, type = "application/json") => {
      res.writeHead(status, { "content-type": type });
      res.end(JSON.stringify(body));
    };
    if (req.url === "/api/health") send(200, health);
    else if (req.url === "/api/file") {
      res.writeHead(200, {
        "content-type": "text/csv",
        "content-disposition": 'attachment; filename="atlas-coverage-2027.csv"',
      });
      res.end(`wave,code\n2027,A\n${req.headers.authorization === "Bearer t0ken" ? "authorised" : ""}`);
    } else if (req.url === "/api/bad-shape") send(200, { ...health, waves: "eight" });
    else if (req.url === "/api/broken")
      send(
        500,
        { type: "about:blank", title: "Internal", status: 500, detail: "boom" },
        "application/problem+json",
      );
    else
      send(
        400,
        {
          type: "about:blank",
          title: "Bad request",
          status: 400,
          detail: "level: must be one of nation, region, local",
          errors: [{ parameter: "level", message: "bad", allowed: ["nation", "region", "local"] }],
        },
        "application/problem+json",
      );
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  base = `http://127.0.0.1:${address.port}`;
});
afterAll(() => {
  server.close();
});

describe("getJson", () => {
  it("returns the parsed body when it matches the contract", async () => {
    await expect(getJson(`${base}/api/health`, HealthSchema)).resolves.toEqual(health);
  });

  it("refuses a body that does not match the contract, naming the field", async () => {
    const error = await getJson(`${base}/api/bad-shape`, HealthSchema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractError);
    expect((error as ContractError).issues).toContain("waves");
    expect(isRetryable(error)).toBe(false);
  });

  it("carries the problem details of a 4xx, and does not retry it", async () => {
    const error = await getJson(`${base}/api/coverage?level=planet`, HealthSchema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).problem?.errors?.[0]?.parameter).toBe("level");
    expect(isRetryable(error)).toBe(false);
  });

  it("retries a 5xx", async () => {
    const error = await getJson(`${base}/api/broken`, HealthSchema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(isRetryable(error)).toBe(true);
  });

  it("says the API is unreachable when nothing listens, and retries that", async () => {
    const closed = createServer();
    closed.listen(0, "127.0.0.1");
    await once(closed, "listening");
    const address = closed.address() as { port: number };
    closed.close();
    await once(closed, "close");
    const error = await getJson(`http://127.0.0.1:${address.port}/api/health`, HealthSchema).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiUnreachableError);
    expect(isRetryable(error)).toBe(true);
  });
});

describe("fetchFile", () => {
  it("returns the file whole with the name its Content-Disposition gives, sending the headers asked", async () => {
    const file = await fetchFile(`${base}/api/file`, { headers: { authorization: "Bearer t0ken" } });
    expect(file.fileName).toBe("atlas-coverage-2027.csv");
    expect(await file.blob.text()).toBe("wave,code\n2027,A\nauthorised");
  });

  it("turns a problem+json answer into an ApiError, never a file to save", async () => {
    const error = await fetchFile(`${base}/api/coverage?level=planet`, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem?.detail).toContain("level");
  });
});

describe("apiPath", () => {
  it("leaves out absent parameters and keeps commas readable", () => {
    expect(apiPath("trends", { metric: "offering_pct", level: null, areas: "A,B" })).toBe(
      "/api/trends?metric=offering_pct&areas=A,B",
    );
    expect(apiPath("health")).toBe("/api/health");
  });
});

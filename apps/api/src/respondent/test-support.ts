import { type CreatedLinks, CreatedLinksSchema, isOpenDuringWave } from "@atlas/domain";
import { expect } from "vitest";
import { readReference } from "../reference/read-reference";
import type { TestApp } from "../testing";

/** Test support for respondent links: the admin token, making links, and requests with a link's token. */
export const ADMIN_TOKEN = "respondent-test-admin-token-0123456789";
export const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };

const reference = readReference();
/** Organisations open during wave 2027 per the register, by name. */
export const OPEN_2027 = reference.organisations
  .filter((o) => isOpenDuringWave(o, "2027"))
  .sort((a, b) => a.name.localeCompare(b.name) || a.code.localeCompare(b.code));

export async function makeLinks(
  t: TestApp,
  waveId: string,
  body: Record<string, unknown> | null,
  expectStatus = 201,
): Promise<CreatedLinks> {
  const res = await t.app.request(`/api/waves/${waveId}/links`, {
    method: "POST",
    headers: body ? { ...admin, "Content-Type": "application/json" } : admin,
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  expect(res.status, await res.clone().text()).toBe(expectStatus);
  return CreatedLinksSchema.parse(await res.json());
}

/** The token in a link (after `#t=`). */
export function tokenOf(url: string): string {
  const token = url.split("#t=")[1];
  if (!token) throw new Error(`no token in ${url}`);
  return token;
}

/** The link made for an organisation, and its token. */
export function linkFor(links: CreatedLinks, orgCode: string) {
  const link = links.created.find((l) => l.orgCode === orgCode);
  if (!link) throw new Error(`no link for ${orgCode}`);
  return { ...link, token: tokenOf(link.url) };
}

export function respond(
  t: TestApp,
  path: string,
  token: string | null,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...(token === null ? {} : { Authorization: `Bearer ${token}` }) };
  if (init.body !== undefined) headers["Content-Type"] = "application/json";
  return t.app.request(`/api/respond/${path}`, {
    method: init.method ?? "GET",
    headers: { ...headers, ...init.headers },
    ...(init.body === undefined
      ? {}
      : { body: typeof init.body === "string" ? init.body : JSON.stringify(init.body) }),
  });
}

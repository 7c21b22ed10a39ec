import {
  ANSWER_COLUMNS,
  DraftSavedSchema,
  RespondentReturnSchema,
  ReturnBodySchema,
  SubmittedReturnSchema,
  shownValue,
} from "@atlas/domain";
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppDeps, AppEnv } from "../deps";
import { PROBLEM_CONTENT } from "../openapi/responses";
import { RESPONDENT } from "../openapi/security";
import { ProblemError } from "../problem";
import { type LinkScope, openLink } from "../respondent/access";
import { LinkNotWorkingError, ReturnInvalidError } from "../respondent/errors";
import type { RespondentLimiter } from "../respondent/rate-limit";
import { readRespondentReturn, saveDraft, submitReturn } from "../respondent/returns";
import { presentedToken } from "../respondent/tokens";
import { createRouter } from "../validation";
import { clientAddress } from "./admin-auth";

/** The largest respondent request body: a whole return fits many times over; an import file does not. */
export const MAX_RESPONDENT_BODY_BYTES = 32 * 1024;

/** What every refused link gets, whatever the reason: one status, one body (but its request id). */
export const LINK_NOT_FOUND_DETAIL =
  "This link does not open a return. It may be mistyped or incomplete, it may have expired or been replaced by a newer link, or the survey may have closed. Ask the survey team for a new link.";

const TOKEN_RESPONSES = {
  404: {
    description:
      "No return opens with this token here: missing, wrong, another organisation's or wave's, revoked, expired, or the wave is published (one answer for all)",
    content: PROBLEM_CONTENT,
  },
  429: {
    description: "Too many requests from this address, or from everyone (Retry-After)",
    content: PROBLEM_CONTENT,
  },
} as const;

const scopeParams = z.object({
  wave: z.string().openapi({ param: { name: "wave", in: "path" }, example: "2027" }),
  org: z.string().openapi({ param: { name: "org", in: "path" }, example: "RV3" }),
});
const security = RESPONDENT;
const returnBody = {
  required: true,
  content: { "application/json": { schema: ReturnBodySchema } },
  description:
    "The answers as survey-format cells (`cells`, every key an answer column, optional) and the respondent's optional role",
};

const readRoute = createRoute({
  method: "get",
  path: "/api/respond/{wave}/{org}",
  operationId: "openRespondentReturn",
  summary:
    "Respondent: open the return a link is for (`Authorization: Bearer <link token>`): the organisation and wave, the saved draft, the return held now, and the previous wave's answers",
  security,
  request: { params: scopeParams },
  responses: {
    200: { description: "The return", content: { "application/json": { schema: RespondentReturnSchema } } },
    ...TOKEN_RESPONSES,
  },
});

const draftRoute = createRoute({
  method: "put",
  path: "/api/respond/{wave}/{org}/draft",
  operationId: "saveRespondentDraft",
  summary:
    "Respondent: save the draft (autosave). Saved even when unfinished; `problems` are the importer's rules' findings, by column",
  security,
  request: { params: scopeParams, body: returnBody },
  responses: {
    200: { description: "Saved", content: { "application/json": { schema: DraftSavedSchema } } },
    400: { description: "The body is not the JSON described", content: PROBLEM_CONTENT },
    413: { description: "The body is over 32 KiB", content: PROBLEM_CONTENT },
    ...TOKEN_RESPONSES,
  },
});

const submitRoute = createRoute({
  method: "post",
  path: "/api/respond/{wave}/{org}/submit",
  operationId: "submitRespondentReturn",
  summary:
    "Respondent: submit the return: checked by the importer's rules and stored in the draft wave through the add-mode import (by `respondent link`); a resubmission corrects it",
  security,
  request: { params: scopeParams, body: returnBody },
  responses: {
    200: { description: "Received", content: { "application/json": { schema: SubmittedReturnSchema } } },
    400: { description: "The body is not the JSON described", content: PROBLEM_CONTENT },
    413: { description: "The body is over 32 KiB", content: PROBLEM_CONTENT },
    422: {
      description: "The return breaks a rule: every problem, by column (nothing stored)",
      content: PROBLEM_CONTENT,
    },
    ...TOKEN_RESPONSES,
  },
});

const ANSWER_NAMES = new Set<string>([...ANSWER_COLUMNS, "cells", "role"]);

/**
 * A body that is not the JSON described: said without echoing what it held (a key or value may be
 * anything a person pasted, even the link's token), naming only fields the format knows.
 */
function bodyRefused(result: {
  success: boolean;
  error?: { issues: readonly z.core.$ZodIssue[] };
}): undefined {
  if (result.success) return undefined;
  const details = (result.error?.issues ?? []).slice(0, 20).map((issue) => {
    const path = issue.path.map(String).filter((p) => ANSWER_NAMES.has(p));
    const where = path.length > 0 ? path.join(".") : "body";
    const what =
      issue.code === "unrecognized_keys"
        ? "has a field that is not an answer column (the answers go in cells, named by column)"
        : issue.code === "invalid_value"
          ? "is not one of the allowed values"
          : issue.code === "too_big"
            ? "is too long"
            : "is not what the format says (cells: text by answer column; role: one of the roles or null)";
    return { parameter: where, message: `${where} ${what}` };
  });
  throw new ProblemError(
    "bad_request",
    'The body must be JSON: {"cells": {"<answer column>": "<text>", …}, "role": <role or null>}. Nothing was stored.',
    details,
  );
}

/**
 * The respondent's routes. The link's token travels in `Authorization: Bearer` (set by the page from the
 * link's fragment; never a cookie, so no other site can make a request with it), is hashed and looked up
 * once, and every refusal is the same 404. Rate-limited per address and globally; bodies at most 32 KiB;
 * answers `no-store`, `Referrer-Policy: no-referrer`. Nothing here logs a body or a header.
 */
export function respondRoutes({ db, logger }: AppDeps, limiter: RespondentLimiter) {
  const router = createRouter();
  // Outermost, so every answer gets these, refusals included (an inner error is a response by now).
  router.use("/api/respond/*", async (c, next) => {
    await next();
    c.res.headers.set("Cache-Control", "no-store");
    c.res.headers.set("Referrer-Policy", "no-referrer");
    c.res.headers.set("X-Robots-Tag", "noindex");
  });
  router.use("/api/respond/*", async (_c, next) => {
    const wait = limiter.admit(clientAddress(_c));
    if (wait > 0) {
      throw new ProblemError(
        "too_many_requests",
        `Too many requests; try again in ${wait} s. Your answers are kept on this page until then.`,
        undefined,
        { "Retry-After": String(wait) },
      );
    }
    await next();
  });
  router.use(
    "/api/respond/*",
    bodyLimit({
      maxSize: MAX_RESPONDENT_BODY_BYTES,
      onError: () => {
        throw new ProblemError(
          "payload_too_large",
          `The request body is larger than ${MAX_RESPONDENT_BODY_BYTES / 1024} KiB, more than any return needs; nothing was stored.`,
        );
      },
    }),
  );

  const open = async (c: Context<AppEnv>, scope: LinkScope) => {
    try {
      return await openLink(db.db, presentedToken(c.req.header("authorization")), scope, now());
    } catch (error) {
      if (!(error instanceof LinkNotWorkingError)) throw error;
      limiter.failed(clientAddress(c));
      throw refused(c, error);
    }
  };
  const refused = (c: Context<AppEnv>, error: LinkNotWorkingError) => {
    logger.info("respondent link refused", {
      requestId: c.get("requestId"),
      path: c.req.path,
      reason: error.reason,
    });
    return new ProblemError("not_found", LINK_NOT_FOUND_DETAIL);
  };
  const scopeOf = (c: { req: { valid(target: "param"): { wave: string; org: string } } }): LinkScope => {
    const { wave, org } = c.req.valid("param");
    return { waveId: wave, orgCode: org };
  };

  router.openapi(readRoute, async (c) => {
    const link = await open(c, scopeOf(c));
    return c.json(await readRespondentReturn(db, link, now()), 200);
  });

  router.openapi(
    draftRoute,
    async (c) => {
      const link = await open(c, scopeOf(c));
      const saved = await saveDraft(db, link, c.req.valid("json"), now());
      logger.debug("respondent draft saved", { requestId: c.get("requestId"), link: link.id });
      return c.json(
        { ...saved, problems: saved.problems.map((p) => ({ ...p, value: shownValue(p.value) })) },
        200,
      );
    },
    bodyRefused,
  );

  router.openapi(
    submitRoute,
    async (c) => {
      const scope = scopeOf(c);
      const link = await open(c, scope);
      try {
        const received = await submitReturn(db, link, c.req.valid("json"), now());
        logger.info("respondent return submitted", {
          requestId: c.get("requestId"),
          link: link.id,
          wave: link.waveId,
          org: link.orgCode,
          action: received.action,
        });
        return c.json(received, 200);
      } catch (error) {
        if (error instanceof LinkNotWorkingError) throw refused(c, error);
        if (error instanceof ReturnInvalidError) {
          const n = error.problems.length;
          throw new ProblemError(
            "unprocessable",
            `The return has ${n} ${n === 1 ? "problem" : "problems"}; nothing was stored. Each is named by its field.`,
            error.problems.map((p) => ({
              column: p.column,
              message: p.message,
              value: shownValue(p.value),
              ...(p.allowed ? { allowed: p.allowed } : {}),
            })),
          );
        }
        throw error;
      }
    },
    bodyRefused,
  );
  return router;
}

const now = () => new Date().toISOString();

import { OpenAPIHono } from "@hono/zod-openapi";
import type { z } from "zod";
import type { AppEnv } from "./deps";
import { type ProblemDetail, ProblemError } from "./problem";

/** Turns zod issues on a request part into problem details that name the parameter and its allowed values. */
export function issuesToDetails(issues: readonly z.core.$ZodIssue[]): ProblemDetail[] {
  return issues.map((issue) => {
    const parameter = issue.path.length > 0 ? String(issue.path[0]) : undefined;
    const allowed = issue.code === "invalid_value" ? issue.values.map(String) : undefined;
    return {
      message: parameter ? `${parameter}: ${issue.message}` : issue.message,
      ...(parameter ? { parameter } : {}),
      ...(allowed ? { allowed } : {}),
    };
  });
}

/** A router whose request validation fails as 400 problem+json. Every route module starts from this. */
export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const details = issuesToDetails(result.error.issues);
        const named = details.map((d) => d.message).join("; ");
        throw new ProblemError("bad_request", `Invalid ${result.target}: ${named}`, details);
      }
    },
  });
}

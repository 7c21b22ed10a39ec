import { OpenAPIHono } from "@hono/zod-openapi";
import { compress } from "hono/compress";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import type { AppDeps, AppEnv } from "./deps";
import { accessLog } from "./middleware/access-log";
import { readCors } from "./middleware/cors";
import { contentSecurityPolicy } from "./middleware/csp";
import { dataEtag } from "./middleware/data-etag";
import { draftsAccess } from "./middleware/drafts-access";
import { varyOnEncoding } from "./middleware/vary-encoding";
import { isDatabaseUnavailable, ProblemError } from "./problem";
import { type ReferenceData, readReference } from "./reference/read-reference";
import { RespondentLimiter, type RespondentLimits } from "./respondent/rate-limit";
import { FailureLimiter, requireAdminToken } from "./routes/admin-auth";
import { areasRoutes } from "./routes/areas";
import { boundariesRoutes } from "./routes/boundaries";
import { contextRoutes } from "./routes/context";
import { dataRoutes } from "./routes/data";
import { docsRoutes } from "./routes/docs";
import { healthRoutes } from "./routes/health";
import { importsRoutes } from "./routes/imports";
import { linkAdminRoutes } from "./routes/link-admin";
import { placesRoutes } from "./routes/places";
import { respondRoutes } from "./routes/respond";
import { waveAdminRoutes } from "./routes/wave-admin";
import { wavesRoutes } from "./routes/waves";

export interface AppOptions {
  /** Reference data; read from data/reference when not given. */
  reference?: ReferenceData;
  /** Adds routes after the API (the server mounts the web app's static files here). */
  mountWeb?: (app: OpenAPIHono<AppEnv>) => void;
  /** The respondent routes' rate limits (tests lower them); RESPONDENT_LIMITS otherwise. */
  respondentLimits?: RespondentLimits;
}

/**
 * Builds the Hono app from its dependencies. The server and every test call this; nothing is global.
 * @example const app = createApp({ db, config, logger }); const res = await app.request("/api/health");
 */
export function createApp(deps: AppDeps, options: AppOptions = {}): OpenAPIHono<AppEnv> {
  const reference = options.reference ?? readReference();
  const app = new OpenAPIHono<AppEnv>();

  app.use(requestId());
  app.use(accessLog(deps.logger));
  app.use(
    secureHeaders({
      contentSecurityPolicy: contentSecurityPolicy(deps.config),
      crossOriginEmbedderPolicy: false,
      // Said explicitly: respondent pages and links must never send a Referer (issue 12).
      referrerPolicy: "no-referrer",
    }),
  );
  app.use(compress());
  app.use(varyOnEncoding());
  // Anyone may read the data from another origin; nobody may write to it from one.
  app.use("/api/*", readCors());
  // One guard (one failure limiter) for every admin request: imports, publication, the tracker, drafts.
  const adminGuard = requireAdminToken(deps.config.adminToken, new FailureLimiter(), deps.logger);
  app.use("/api/*", draftsAccess(adminGuard));
  app.use("/api/*", dataEtag(deps.db));

  app.route("/", healthRoutes(deps));
  app.route("/", wavesRoutes(deps));
  app.route("/", waveAdminRoutes(deps, adminGuard));
  app.route("/", areasRoutes(deps, reference.attribution));
  app.route("/", boundariesRoutes());
  app.route("/", contextRoutes());
  app.route("/", placesRoutes(reference.attribution));
  app.route("/", dataRoutes(deps, reference));
  app.route("/", importsRoutes(deps, adminGuard));
  app.route("/", linkAdminRoutes(deps, adminGuard));
  app.route("/", respondRoutes(deps, new RespondentLimiter(options.respondentLimits)));
  docsRoutes(app);

  app.all("/api/*", (c) => {
    throw new ProblemError("not_found", `No API resource at ${c.req.method} ${c.req.path}; see /api/docs`);
  });
  options.mountWeb?.(app);

  app.notFound((c) => {
    throw new ProblemError("not_found", `Nothing at ${c.req.path}`);
  });
  app.onError((error, c) => {
    const id = c.get("requestId");
    let problem: ProblemError;
    if (error instanceof ProblemError) problem = error;
    else if (isDatabaseUnavailable(error)) {
      problem = new ProblemError(
        "database_unavailable",
        "The database cannot be reached; try again shortly.",
        undefined,
        {
          "Retry-After": "5",
        },
      );
    } else if (error instanceof HTTPException && error.status === 413) {
      problem = new ProblemError("payload_too_large", "The request body is larger than the limit.");
    } else if (error instanceof HTTPException && error.status < 500) {
      problem = new ProblemError("bad_request", error.message || "Bad request");
    } else
      problem = new ProblemError(
        "internal",
        "An unexpected error occurred; quote the request id when reporting it.",
      );
    // A busy import slot is an expected answer, not a fault of the server.
    const fault = problem.status >= 500 && problem.code !== "import_in_progress";
    const log = fault ? deps.logger.error : deps.logger.debug;
    log("request failed", {
      requestId: id,
      path: c.req.path,
      status: problem.status,
      error: String(error),
      stack: error instanceof Error && problem.status === 500 ? error.stack : undefined,
    });
    return c.json(problem.toProblem(c.req.path, id), problem.status as 400, {
      "Content-Type": "application/problem+json",
      ...problem.headers,
    });
  });
  return app;
}

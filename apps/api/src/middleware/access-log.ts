import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../deps";
import type { Logger } from "../logger";

/** Logs every request with its request id, status and duration. */
export function accessLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    logger.info("request", {
      requestId: c.get("requestId"),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  };
}

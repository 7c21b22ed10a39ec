import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../deps";

const NAMES_ENCODING = /(?:^|,)\s*(?:accept-encoding|\*)\s*(?:,|$)/i;

/**
 * Every answer says it varies with Accept-Encoding (compression depends on it), set on the answer's own
 * headers. It runs inside hono's compress, which otherwise adds the header through `c.header`: that makes the
 * node server drop its lightweight response for a full web Response with a body stream, even when nothing is
 * compressed.
 */
export function varyOnEncoding(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const current = c.res.headers.get("Vary");
    if (current && NAMES_ENCODING.test(current)) return;
    c.res.headers.set("Vary", current ? `${current}, Accept-Encoding` : "Accept-Encoding");
  };
}

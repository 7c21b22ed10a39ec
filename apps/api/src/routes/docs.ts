import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../deps";
import { SECURITY_SCHEMES } from "../openapi/security";
import { APP_VERSION } from "./health";

type OpenApiDoc = ReturnType<OpenAPIHono["getOpenAPI31Document"]>;

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!,
  );

/** A readable, dependency-free API reference rendered from the same OpenAPI document (no scripts, no CDN). */
export function renderDocsPage(doc: OpenApiDoc): string {
  const sections = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item ?? {}).map(([method, op]) => {
      const operation = op as {
        summary?: string;
        parameters?: {
          name: string;
          in: string;
          required?: boolean;
          schema?: { enum?: unknown[]; type?: string };
        }[];
        responses?: Record<string, { description?: string }>;
      };
      const params = (operation.parameters ?? [])
        .map(
          (p) =>
            `<tr><td><code>${escapeHtml(p.name)}</code></td><td>${escapeHtml(p.in)}</td><td>${p.required ? "yes" : "no"}</td><td>${escapeHtml(
              p.schema?.enum ? p.schema.enum.join(", ") : (p.schema?.type ?? ""),
            )}</td></tr>`,
        )
        .join("");
      const responses = Object.entries(operation.responses ?? {})
        .map(
          ([status, r]) =>
            `<li><strong>${escapeHtml(status)}</strong> ${escapeHtml(r.description ?? "")}</li>`,
        )
        .join("");
      return `<section><h2><span class="method">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h2>
<p>${escapeHtml(operation.summary ?? "")}</p>
${params ? `<table><thead><tr><th>Parameter</th><th>In</th><th>Required</th><th>Values</th></tr></thead><tbody>${params}</tbody></table>` : ""}
<ul>${responses}</ul></section>`;
    }),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>MBCT Access Atlas API reference</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/api/docs.css">
</head><body><main><h1>MBCT Access Atlas API <small>v${APP_VERSION}</small></h1>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1). Errors are RFC 9457 problem+json.
Data marked <code>synthetic: true</code> is demonstration data, not survey results.</p>
${sections.join("\n")}</main></body></html>`;
}

/** The reference page's styles, served as a file: the CSP allows no inline styles. */
const DOCS_CSS = `body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
code{background:#f3f2f1;padding:0 .2em}.method{background:#1d70b8;color:#fff;padding:0 .4em;border-radius:3px}
table{border-collapse:collapse}td,th{border:1px solid #b1b4b6;padding:.2em .5em;text-align:left}section{border-top:1px solid #b1b4b6;margin-top:1.5rem}`;

export function docsRoutes(app: OpenAPIHono<AppEnv>): void {
  for (const [name, scheme] of Object.entries(SECURITY_SCHEMES)) {
    app.openAPIRegistry.registerComponent("securitySchemes", name, { ...scheme });
  }
  const info = {
    openapi: "3.1.0",
    info: {
      title: "MBCT Access Atlas API",
      version: APP_VERSION,
      description:
        "Survey returns on Mindfulness-Based Cognitive Therapy provision per NHS organisation, aggregated to UK health geographies. Errors are RFC 9457 problem+json. Data marked synthetic: true is demonstration data, not survey results.",
      license: {
        name: "Open Government Licence v3.0 (reference data and published figures)",
        url: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
      },
    },
    // Relative: the document describes the server that serves it, wherever that is deployed.
    servers: [{ url: "/", description: "The server this document was fetched from" }],
  };
  app.doc31("/api/openapi.json", info);
  app.get("/api/docs", (c) => c.html(renderDocsPage(app.getOpenAPI31Document(info))));
  app.get("/api/docs.css", (c) => c.body(DOCS_CSS, 200, { "Content-Type": "text/css; charset=utf-8" }));
}

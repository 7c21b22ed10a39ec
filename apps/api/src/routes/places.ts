import { PlacesResponseSchema } from "@atlas/domain";
import { createRoute } from "@hono/zod-openapi";
import { PUBLIC } from "../openapi/security";
import { type Attribution, readPlaces } from "../reference/read-reference";
import { createRouter } from "../validation";

const route = createRoute({
  method: "get",
  path: "/api/places",
  operationId: "listPlaces",
  security: PUBLIC,
  summary:
    "Places people search for (local authorities, counties, council areas, districts) and the NHS local area(s) serving each",
  description:
    "Every local authority and county of the four nations with the ICB, health board or HSC trust that covers it. A place split between areas lists each with its share of the place's small areas (LSOAs or data zones, not people), largest first. Part of the release, not of the database: cached for a day.",
  responses: {
    200: { description: "Places", content: { "application/json": { schema: PlacesResponseSchema } } },
  },
});

/** Places are read once at start-up: like the boundaries they are part of the release. */
export function placesRoutes(attribution: Attribution) {
  const body = { places: readPlaces(), attribution };
  return createRouter().openapi(route, (c) => c.json(body, 200));
}

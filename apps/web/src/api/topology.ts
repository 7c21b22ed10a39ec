import { z } from "zod";

/**
 * The part of a TopoJSON topology the map relies on: one object named `areas` whose geometries carry
 * `{ code, name }`. The rest (arcs, transform) is handed to topojson-client as is.
 */
export const BoundaryTopologySchema = z.looseObject({
  type: z.literal("Topology"),
  arcs: z.array(z.unknown()),
  objects: z.looseObject({
    areas: z.looseObject({
      type: z.literal("GeometryCollection"),
      geometries: z.array(
        z.looseObject({ properties: z.looseObject({ code: z.string(), name: z.string() }) }),
      ),
    }),
  }),
});
export type BoundaryTopology = z.infer<typeof BoundaryTopologySchema>;

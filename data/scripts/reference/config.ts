/** Paths and tunables of the reference build; the numeric ones can be overridden from the environment. */
import path from "node:path";
import { fileURLToPath } from "node:url";

// This file is in data/scripts/reference/, three levels below the repo root.
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const RAW_DIR = path.resolve(process.env.RAW_DIR ?? path.join(REPO_ROOT, "../shared/data/raw"));
export const OUT_DIR = path.join(REPO_ROOT, "data/reference");

/** Max distance (km) at which a Welsh/Scottish outline vertex is snapped onto the England outline. */
export const SNAP_TOLERANCE_KM = Number(process.env.SNAP_TOLERANCE_KM ?? 0.5);
/** Visvalingam threshold: points whose effective triangle area is below this (km²) are removed. */
export const SIMPLIFY_MIN_AREA_KM2 = Number(process.env.SIMPLIFY_MIN_AREA_KM2 ?? 0.1);
/** Detached rings (islets, lakes) smaller than this (km², before simplification) are dropped. */
export const MIN_RING_AREA_KM2 = Number(process.env.MIN_RING_AREA_KM2 ?? 0.25);
/** After simplification, rings below this (km²) are degenerate slivers and are dropped even on a shared border. */
export const COLLAPSED_RING_KM2 = 0.05;
/** Quantization of the written TopoJSON (grid of n x n over the UK bounding box). */
export const QUANTIZATION = 1e5;
/** Output budget from the brief. */
export const MAX_BOUNDARY_BYTES = 1_000_000;
export const MAX_BOUNDARY_GZIP_BYTES = 300_000;

export const OGL = "OGL v3.0";

import { fileURLToPath } from "node:url";

/** The repository root, found from this file so the CLI and server work from any working directory. */
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const REFERENCE_DIR = `${REPO_ROOT}data/reference`;
export const DEMO_DIR = `${REPO_ROOT}data/demo`;
export const WEB_DIST_DIR = `${REPO_ROOT}apps/web/dist`;

import { closeSync, openSync, rmSync, writeSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import type { AtlasDb } from "@atlas/db";
import { parseChangeLabel, WAVE_ID_PATTERN } from "@atlas/domain";
import { argsError, type CommandIo, EXIT, processIo } from "../cli-exit";
import { currentUser } from "../cli-user";
import { type Config, publicBaseUrl } from "../env";
import { LinkRequestError } from "./errors";
import { createLinks } from "./links";
import { linksCsv } from "./links-csv";

export const LINKS_USAGE = `Usage: pnpm atlas links WAVE [--out FILE] [--expires DATE] [--by NAME] [--org CODES] [--reissue]

  WAVE           a draft wave (or one not stored yet), YYYY or YYYY-MM: one link per organisation open during it
  --out FILE     where to write the CSV (org_code, org_name, link, expires_at); default respondent-links-WAVE.csv.
                 It must not exist yet: the links are shown only once, so no file of links is ever overwritten
  --expires DATE when the links stop working: YYYY-MM-DD (the end of that day, UTC) or a time with a zone;
                 default the wave's fieldwork end, else 60 days from now
  --by NAME      who is doing this (a name or initials, up to 60 characters), recorded
  --org CODES    only these organisations (comma-separated codes)
  --reissue      replace links that still work (each new link revokes the old one); without it they are kept

Links start with ATLAS_PUBLIC_URL (default http://localhost:PORT). The file holds private links: send them,
then delete it.`;

/** `pnpm atlas links WAVE`: makes respondent links and writes them, once, to a new CSV file (mode 600). */
export async function runLinksCommand(
  db: AtlasDb,
  config: Pick<Config, "publicUrl" | "port">,
  args: readonly string[],
  io: CommandIo = processIo,
): Promise<number> {
  const usage = (why: string) => {
    io.err(`links: ${why}\n\n${LINKS_USAGE}\n`);
    return EXIT.usage;
  };
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true });
  } catch (error) {
    return usage(argsError(error));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(`${LINKS_USAGE}\n`);
    return EXIT.ok;
  }
  const wave = positionals[0];
  if (positionals.length !== 1 || wave === undefined) return usage("name exactly one wave");
  if (!WAVE_ID_PATTERN.test(wave))
    return usage(`"${wave}" is not a wave id; a wave is YYYY or YYYY-MM, e.g. 2027`);
  const by = parseChangeLabel(values.by);
  if (!by.ok) return usage(by.message);
  const orgCodes = values.org
    ?.split(",")
    .map((c) => c.trim())
    .filter((c) => c !== "");
  if (values.org !== undefined && orgCodes?.length === 0) return usage("--org needs at least one code");

  // The file is created (exclusively, readable by its owner only) before any link is made, so links are
  // never made that cannot be written down.
  const path = resolve(values.out ?? `respondent-links-${wave}.csv`);
  let fd: number;
  try {
    fd = openSync(path, "wx", 0o600);
  } catch (error) {
    const code = (error as { code?: string }).code;
    return usage(
      code === "EEXIST"
        ? `${path} exists already; choose another --out, or delete it if its links have been sent`
        : `cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  let written = false;
  try {
    const baseUrl = publicBaseUrl(config);
    const result = await createLinks(db, {
      waveId: wave,
      ...(orgCodes ? { orgCodes } : {}),
      ...(values.expires === undefined ? {} : { expires: values.expires }),
      reissue: values.reissue === true,
      by: by.label,
      origin: `cli:${currentUser()}`,
      baseUrl,
    });
    // No file for no links (every organisation kept its working link).
    if (result.created.length > 0) {
      writeSync(fd, linksCsv(result));
      written = true;
    }
    if (!config.publicUrl) {
      io.err(
        `links: ATLAS_PUBLIC_URL is not set, so the links point at ${baseUrl}; set it to the address respondents reach the server at, then run again with --reissue\n`,
      );
    }
    io.out(
      written
        ? `${result.message} Wrote ${path} (${result.created.length} links; keep it private).\n`
        : `${result.message} No file written.\n`,
    );
    return EXIT.ok;
  } catch (error) {
    if (error instanceof LinkRequestError) {
      io.err(`links: ${error.message}\n`);
      return error.kind === "conflict" ? EXIT.conflict : EXIT.usage;
    }
    throw error;
  } finally {
    closeSync(fd);
    if (!written) rmSync(path, { force: true });
  }
}

const OPTIONS = {
  out: { type: "string" },
  expires: { type: "string" },
  by: { type: "string" },
  org: { type: "string" },
  reissue: { type: "boolean" },
  help: { type: "boolean" },
} as const;

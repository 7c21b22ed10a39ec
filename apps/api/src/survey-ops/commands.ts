import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { type AtlasDb, listOrganisations } from "@atlas/db";
import { parseChangeLabel, WAVE_ID_PATTERN } from "@atlas/domain";
import { argsError, type CommandIo, EXIT, processIo } from "../cli-exit";
import { currentUser } from "../cli-user";
import { WaveNotFoundError } from "../import/errors";
import { surveyTemplateCsv, surveyTemplateXlsx, templateOrganisations } from "../import/template";
import { publishWave, unpublishWave } from "./publication";

export const TEMPLATE_USAGE = `Usage: pnpm atlas template WAVE [--out DIR]

  WAVE       the wave to pre-fill, YYYY or YYYY-MM (e.g. 2027): one row per organisation open during it
  --out DIR  where to write survey-template-WAVE.csv and .xlsx (default: the current directory)`;

export const PUBLISH_USAGE = `Usage: pnpm atlas publish WAVE [--provisional | --final] [--by NAME]
       pnpm atlas unpublish WAVE [--by NAME]

  publish        make a draft wave public (one transaction; every public ETag changes)
  unpublish      make a published wave a draft again (gone from public reads, seen with include=drafts)
  --provisional  mark the wave provisional (its values may still change); also on a published wave
  --final        clear the provisional mark
  --by NAME      who is doing this (a name or initials, up to 60 characters), recorded`;

type Parsed = { values: Record<string, string | boolean | undefined>; positionals: string[] };

function parse(
  args: readonly string[],
  options: Record<string, { type: "string" | "boolean" }>,
  usage: string,
  command: string,
  io: CommandIo,
): Parsed | number {
  try {
    const parsed = parseArgs({
      args: [...args],
      options: { ...options, help: { type: "boolean" } },
      allowPositionals: true,
    });
    if (parsed.values.help) {
      io.out(`${usage}\n`);
      return EXIT.ok;
    }
    const wave = parsed.positionals[0];
    if (parsed.positionals.length !== 1 || wave === undefined) throw new Error("name exactly one wave");
    if (!WAVE_ID_PATTERN.test(wave))
      throw new Error(`"${wave}" is not a wave id; a wave is YYYY or YYYY-MM, e.g. 2027`);
    return parsed as Parsed;
  } catch (error) {
    io.err(`${command}: ${argsError(error)}\n\n${usage}\n`);
    return EXIT.usage;
  }
}

/** `pnpm atlas template WAVE [--out DIR]`: writes the pre-filled CSV and XLSX templates the API serves. */
export async function runTemplateCommand(db: AtlasDb, args: readonly string[], io: CommandIo = processIo) {
  const parsed = parse(args, { out: { type: "string" } }, TEMPLATE_USAGE, "template", io);
  if (typeof parsed === "number") return parsed;
  const wave = parsed.positionals[0]!;
  const dir = resolve(typeof parsed.values.out === "string" ? parsed.values.out : ".");
  const prefill = templateOrganisations(await listOrganisations(db.db), wave);
  try {
    mkdirSync(dir, { recursive: true });
    const csv = join(dir, `survey-template-${wave}.csv`);
    const xlsx = join(dir, `survey-template-${wave}.xlsx`);
    writeFileSync(csv, surveyTemplateCsv(prefill));
    writeFileSync(xlsx, await surveyTemplateXlsx(prefill));
    io.out(
      `wrote ${csv} and ${xlsx}: ${prefill.organisations.length} organisations open during wave ${wave}\n`,
    );
    return EXIT.ok;
  } catch (error) {
    io.err(`template: cannot write to ${dir}: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.usage;
  }
}

/** `pnpm atlas publish WAVE` and `pnpm atlas unpublish WAVE` (see PUBLISH_USAGE). */
export async function runPublicationCommand(
  db: AtlasDb,
  command: "publish" | "unpublish",
  args: readonly string[],
  io: CommandIo = processIo,
) {
  const options: Record<string, { type: "string" | "boolean" }> =
    command === "publish"
      ? { provisional: { type: "boolean" }, final: { type: "boolean" }, by: { type: "string" } }
      : { by: { type: "string" } };
  const parsed = parse(args, options, PUBLISH_USAGE, command, io);
  if (typeof parsed === "number") return parsed;
  const usage = (why: string) => {
    io.err(`${command}: ${why}\n\n${PUBLISH_USAGE}\n`);
    return EXIT.usage;
  };
  const { values } = parsed;
  if (values.provisional && values.final) return usage("--provisional and --final cannot both be given");
  const by = parseChangeLabel(typeof values.by === "string" ? values.by : undefined);
  if (!by.ok) return usage(by.message);
  const wave = parsed.positionals[0]!;
  const origin = `cli:${currentUser()}`;
  try {
    const result =
      command === "publish"
        ? await publishWave(db, wave, {
            by: by.label,
            origin,
            ...(values.provisional ? { provisional: true } : values.final ? { provisional: false } : {}),
          })
        : await unpublishWave(db, wave);
    io.out(
      `${result.message}${command === "unpublish" && result.action !== "unchanged" ? ` (by ${by.label ?? origin})` : ""}\n`,
    );
    return EXIT.ok;
  } catch (error) {
    if (error instanceof WaveNotFoundError) {
      io.err(`${command}: ${error.message}\n`);
      return EXIT.notFound;
    }
    throw error;
  }
}

/**
 * Writes the blank survey templates, data/templates/survey-template.csv and .xlsx, from the same code the
 * API serves them with (GET /api/imports/template.csv and .xlsx). Templates pre-filled for a wave are not
 * committed: `pnpm atlas template WAVE` writes them from the database's register.
 * Usage: npx tsx data/scripts/build-templates.ts
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { surveyTemplateCsv, surveyTemplateXlsx } from "../../apps/api/src/import/template";

export const TEMPLATES_DIR = fileURLToPath(new URL("../templates/", import.meta.url));

async function main(): Promise<void> {
  mkdirSync(TEMPLATES_DIR, { recursive: true });
  writeFileSync(join(TEMPLATES_DIR, "survey-template.csv"), surveyTemplateCsv());
  writeFileSync(join(TEMPLATES_DIR, "survey-template.xlsx"), await surveyTemplateXlsx());
  process.stdout.write(`wrote survey-template.csv and survey-template.xlsx to ${TEMPLATES_DIR}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();

/**
 * Writes the SYNTHETIC demo survey waves to data/demo/ (see data/demo/README.md).
 * Usage: npx tsx data/scripts/generate-demo.ts [OUT_DIR]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readReference } from "../../apps/api/src/reference/read-reference";
import { type DemoData, generateDemo } from "./demo/generate";
import { demoReadme } from "./demo/readme";

export const DEMO_DIR = fileURLToPath(new URL("../demo/", import.meta.url));

/** Every file of the demo data set (the wave files and README.md), by name. Same bytes on every run. */
export function buildDemoFiles(referenceDir?: string): { files: Map<string, string>; data: DemoData } {
  const reference = readReference(referenceDir);
  const data = generateDemo(reference);
  const files = new Map(data.files);
  files.set("README.md", demoReadme(data, reference));
  return { files, data };
}

function main(outDir: string): void {
  const { files, data } = buildDemoFiles();
  mkdirSync(outDir, { recursive: true });
  for (const [name, text] of files) writeFileSync(join(outDir, name), text);
  for (const h of data.headlines) {
    process.stdout.write(
      `${h.wave}: ${h.invited} invited, offering ${h.offeringPct.toFixed(1)}% of ${h.answered} answering, response ${h.responsePct.toFixed(1)}%\n`,
    );
  }
  process.stdout.write(`wrote ${files.size} files to ${outDir} (SYNTHETIC data)\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv[2] ?? DEMO_DIR);

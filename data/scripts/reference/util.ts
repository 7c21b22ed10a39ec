/** Small utilities shared by the build steps: progress notes, fatal errors, a locale-free string order. */

const notes: string[] = [];
export function note(message: string): void {
  notes.push(message);
  console.log(`  - ${message}`);
}

export function fail(message: string): never {
  console.error(`build-reference: ${message}`);
  process.exit(1);
}

export const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

import { readXml } from "./xml";
import { InflateBudget, inflateEntry, readZipDirectory, WorkbookRefusal, type ZipEntry } from "./zip";

export type SheetState = "visible" | "hidden" | "veryHidden";

/** A sheet as workbook.xml lists it, in tab order. */
export interface SheetInfo {
  name: string;
  state: SheetState;
  /** The worksheet's part in the archive; undefined for chart or dialog sheets, which hold no cells. */
  part: string | undefined;
}

/** What a workbook says about itself before any sheet is read. */
export interface WorkbookParts {
  sheets: SheetInfo[];
  /** Shared strings, by index. */
  sharedStrings: string[];
  /** Per cell style (`s` attribute): whether its number format shows a date. */
  dateStyles: boolean[];
  /** Dates count from 1904 (old Mac workbooks) rather than 1900. */
  date1904: boolean;
}

/** One workbook's archive: its parts, inflated on demand against one shared budget. */
export class WorkbookArchive {
  private readonly entries: Map<string, ZipEntry>;

  constructor(
    private readonly bytes: Uint8Array,
    readonly budget: InflateBudget = new InflateBudget(),
  ) {
    this.entries = readZipDirectory(bytes, budget.limit);
  }

  has(part: string): boolean {
    return this.entries.has(part);
  }

  chunks(part: string): AsyncGenerator<Buffer> {
    const entry = this.entries.get(part);
    if (!entry) throw new WorkbookRefusal(`the workbook has no part ${part}; it is damaged`);
    return inflateEntry(this.bytes, entry, this.budget);
  }
}

const OFFICE_DOCUMENT = "/officeDocument";

interface Relationship {
  type: string;
  target: string;
}

/** Reads the workbook's sheet list (names, hidden state, parts), shared strings and date styles. */
export async function readWorkbookParts(archive: WorkbookArchive): Promise<WorkbookParts> {
  const root = await readRelationships(archive, "_rels/.rels", "");
  const workbookPart =
    [...root.values()].find((r) => r.type.endsWith(OFFICE_DOCUMENT))?.target ?? "xl/workbook.xml";
  if (!archive.has(workbookPart)) {
    throw new WorkbookRefusal("this ZIP file has no workbook part; it is not an XLSX workbook");
  }
  const dir = workbookPart.slice(0, workbookPart.lastIndexOf("/") + 1);
  const relsPart = `${dir}_rels/${workbookPart.slice(dir.length)}.rels`;
  const rels = await readRelationships(archive, relsPart, dir);

  const sheets: SheetInfo[] = [];
  let date1904 = false;
  await readXml(archive.chunks(workbookPart), workbookPart, {
    open(name, attributes) {
      if (name === "workbookPr") date1904 = ["1", "true"].includes(attributes.date1904 ?? "");
      if (name !== "sheet") return;
      const rel = rels.get(relationshipId(attributes) ?? "");
      const state =
        attributes.state === "hidden" || attributes.state === "veryHidden" ? attributes.state : "visible";
      sheets.push({
        name: attributes.name ?? `sheet ${sheets.length + 1}`,
        state,
        part: rel?.type.endsWith("/worksheet") && archive.has(rel.target) ? rel.target : undefined,
      });
    },
  });
  const partOf = (type: string) => [...rels.values()].find((r) => r.type.endsWith(type))?.target;
  const stringsPart = partOf("/sharedStrings");
  const stylesPart = partOf("/styles");
  return {
    sheets,
    date1904,
    sharedStrings:
      stringsPart && archive.has(stringsPart) ? await readSharedStrings(archive, stringsPart) : [],
    dateStyles: stylesPart && archive.has(stylesPart) ? await readDateStyles(archive, stylesPart) : [],
  };
}

/** The `r:id` of an element, whatever prefix the workbook binds the relationships namespace to. */
function relationshipId(attributes: Record<string, string>): string | undefined {
  for (const [key, value] of Object.entries(attributes)) if (key.endsWith(":id")) return value;
  return undefined;
}

async function readRelationships(
  archive: WorkbookArchive,
  part: string,
  base: string,
): Promise<Map<string, Relationship>> {
  const rels = new Map<string, Relationship>();
  if (!archive.has(part)) return rels;
  await readXml(archive.chunks(part), part, {
    open(name, attributes) {
      if (name !== "Relationship" || attributes.TargetMode === "External") return;
      const { Id, Type, Target } = attributes;
      if (Id && Type && Target) rels.set(Id, { type: Type, target: resolvePart(base, Target) });
    },
  });
  return rels;
}

/** A relationship target as an archive path: absolute (`/xl/…`) or relative to the source part's folder. */
function resolvePart(base: string, target: string): string {
  const segments: string[] = [];
  for (const s of (target.startsWith("/") ? target.slice(1) : base + target).split("/")) {
    if (s === "..") segments.pop();
    else if (s !== "." && s !== "") segments.push(s);
  }
  return segments.join("/");
}

/** Shared strings as a reader sees them: rich-text runs joined, phonetic guides (`rPh`) left out. */
async function readSharedStrings(archive: WorkbookArchive, part: string): Promise<string[]> {
  const strings: string[] = [];
  let current = "";
  let inText = false;
  let phonetic = 0;
  await readXml(archive.chunks(part), part, {
    open(name) {
      if (name === "si") current = "";
      else if (name === "rPh") phonetic++;
      else if (name === "t") inText = phonetic === 0;
    },
    text(text) {
      if (inText) current += text;
    },
    close(name) {
      if (name === "t") inText = false;
      else if (name === "rPh") phonetic--;
      else if (name === "si") strings.push(current);
    },
  });
  return strings;
}

/** Excel's built-in number formats that show dates or times. */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** A custom format code shows a date when, outside quoted text and [colour]/[locale] brackets, it has date or time letters. */
export function isDateFormat(code: string): boolean {
  return /[ymdhsb]/i.test(
    code
      .replace(/\[[^\]]*]/g, "")
      .replace(/"[^"]*"/g, "")
      .replace(/\\./g, ""),
  );
}

async function readDateStyles(archive: WorkbookArchive, part: string): Promise<boolean[]> {
  const custom = new Map<number, boolean>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  await readXml(archive.chunks(part), part, {
    open(name, attributes) {
      if (name === "numFmt")
        custom.set(Number(attributes.numFmtId), isDateFormat(attributes.formatCode ?? ""));
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) {
        const id = Number(attributes.numFmtId ?? 0);
        styles.push(custom.get(id) ?? BUILT_IN_DATE_FORMATS.has(id));
      }
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  return styles;
}

import type { SurveyFileProblem } from "./problem";

/** Collects problems up to a limit and counts the rest, so a file bad on every row still gets a short report. */
export class ProblemList {
  readonly listed: SurveyFileProblem[] = [];
  count = 0;

  constructor(
    private readonly file: string,
    private readonly max: number,
    /** The workbook sheet every problem is on, when the file is a workbook. */
    private readonly sheet?: string,
  ) {}

  add(problem: SurveyFileProblem): void {
    this.count++;
    if (this.listed.length >= this.max) return;
    this.listed.push(this.sheet === undefined ? problem : { ...problem, sheet: this.sheet });
  }

  /** The listed problems, with a closing line saying how many more there were. */
  report(): SurveyFileProblem[] {
    if (this.count <= this.listed.length) return this.listed;
    const more = this.count - this.listed.length;
    const sheet = this.sheet === undefined ? {} : { sheet: this.sheet };
    return [...this.listed, { file: this.file, ...sheet, message: `…and ${more} more problems not listed` }];
  }
}

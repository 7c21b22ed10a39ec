import type { SurveyFileProblem } from "./problem";

/** Collects problems up to a limit and counts the rest, so a file bad on every row still gets a short report. */
export class ProblemList {
  readonly listed: SurveyFileProblem[] = [];
  count = 0;

  constructor(
    private readonly file: string,
    private readonly max: number,
  ) {}

  add(problem: SurveyFileProblem): void {
    this.count++;
    if (this.listed.length < this.max) this.listed.push(problem);
  }

  /** The listed problems, with a closing line saying how many more there were. */
  report(): SurveyFileProblem[] {
    if (this.count <= this.listed.length) return this.listed;
    const more = this.count - this.listed.length;
    return [...this.listed, { file: this.file, message: `…and ${more} more problems not listed` }];
  }
}

import type { Problem } from "@atlas/domain";
import { describe, expect, it } from "vitest";
import { ApiError } from "../api/client";
import { confirmationsAsked, isConfirmationRequired, problemLine, unlockErrorText } from "./error-text";

const problem = (over: Partial<Problem>): Problem => ({
  type: "https://mbct-atlas.example/problems/confirmation-required",
  title: "Confirmation required",
  status: 409,
  detail: "returns.csv: refused",
  ...over,
});

describe("what the team is told when something is refused", () => {
  it("tells a wrong token from a server with admin requests off", () => {
    expect(unlockErrorText(new ApiError(401, null, "/api/waves/status"))).toMatch(
      /^That is not the admin token/,
    );
    expect(unlockErrorText(new ApiError(403, null, "/api/waves/status"))).toMatch(/no ATLAS_ADMIN_TOKEN/);
  });

  it("asks for exactly the confirmations the server names: a shrink, and the waves a file holds", () => {
    const asked = problem({
      errors: [
        { parameter: "confirmShrink", message: "wave 2026: 83 of 84 stored returns would be removed: RV3" },
        {
          parameter: "confirmWaves",
          file: "f.csv",
          row: 11,
          column: "wave",
          value: "2026",
          message: "row 11",
        },
      ],
      waves: [
        {
          waveId: "2027",
          rows: 83,
          action: "created",
          previousRows: 0,
          batchId: null,
          state: "draft",
          provisional: false,
          diff: {
            counts: { added: 83, changed: 0, removed: 0, unchanged: 0 },
            added: [],
            changed: [],
            removed: [],
          },
        },
        {
          waveId: "2026",
          rows: 1,
          action: "replaced",
          previousRows: 84,
          batchId: null,
          state: "published",
          provisional: false,
          diff: {
            counts: { added: 0, changed: 1, removed: 83, unchanged: 0 },
            added: [],
            changed: [],
            removed: [],
          },
        },
      ],
    });
    expect(isConfirmationRequired(asked)).toBe(true);
    expect(confirmationsAsked(asked)).toEqual({
      shrink: ["wave 2026: 83 of 84 stored returns would be removed: RV3"],
      waves: ["2027", "2026"],
    });
    expect(confirmationsAsked(problem({ errors: [] }))).toEqual({ shrink: [], waves: null });
    expect(isConfirmationRequired(problem({ type: "https://mbct-atlas.example/problems/conflict" }))).toBe(
      false,
    );
    expect(isConfirmationRequired(null)).toBe(false);
  });

  it("names the file, sheet, row and column of a file's problem", () => {
    expect(
      problemLine({
        file: "r.xlsx",
        sheet: "2026",
        row: 3,
        column: "wave",
        message: '"16" is not a wave id',
      }),
    ).toBe('r.xlsx, sheet "2026", row 3, wave: "16" is not a wave id');
    expect(problemLine({ message: "the file is empty" })).toBe("the file is empty");
  });
});

import {
  type AnswerCells,
  type AnswerColumn,
  FORM_FIELDS,
  FORM_GROUPS,
  type FormField,
  RESPONDENT_ROLE_LABELS,
  RESPONDENT_ROLES,
  type ReturnProblem,
  SURVEY_FILE_LIMITS,
} from "@atlas/domain/respondent";
import { fill, h } from "./dom";

/** A field's controls and the elements that say things about it. */
interface FieldControls {
  field: FormField;
  container: HTMLElement;
  /** The element aria-describedby sits on: the input, or the fieldset of a group of options. */
  described: HTMLElement;
  inputs: (HTMLInputElement | HTMLTextAreaElement)[];
  error: HTMLElement;
  describedBy: string[];
  counter?: HTMLElement;
}

/** How a cell reads to a person: the option's label, the ticked items, or the text; "Not given" for blank. */
export function displayValue(field: FormField, cell: string): string {
  if (cell.trim() === "") return "Not given";
  if (field.kind === "choice") return field.options?.find((o) => o.value === cell)?.label ?? cell;
  if (field.kind === "list") {
    return cell
      .split(";")
      .map((v) => field.options?.find((o) => o.value === v)?.label ?? v)
      .join("; ");
  }
  return cell;
}

const inputId = (column: string, index?: number) =>
  index === undefined ? `f-${column}` : `f-${column}-${index}`;

/**
 * The return as a form: one fieldset per group (legend), every field with its label, what it means (hint),
 * the previous wave's answer, and a place for its problems (tied with aria-describedby, shown with
 * aria-invalid). Reads and writes the survey format's cells.
 */
export class ReturnForm {
  readonly element: HTMLFormElement;
  readonly role: HTMLSelectElement;
  private readonly controls = new Map<AnswerColumn, FieldControls>();
  private readonly shown = new Map<AnswerColumn, string>();

  constructor(previous: { label: string; cells: Record<string, string> } | null, submitLabel: string) {
    this.role = h("select", { id: "f-role", name: "role", "aria-describedby": "hint-role" });
    this.role.append(
      h("option", { value: "" }, "Prefer not to say"),
      ...RESPONDENT_ROLES.map((r) => h("option", { value: r }, RESPONDENT_ROLE_LABELS[r])),
    );
    this.element = h(
      "form",
      { class: "return-form", novalidate: true, "aria-label": "Survey return" },
      ...FORM_GROUPS.map((group) =>
        h(
          "fieldset",
          { class: "group", id: `group-${group.id}` },
          h("legend", {}, h("h2", {}, group.legend)),
          ...group.fields.map((field) => this.renderField(field, previous)),
        ),
      ),
      h(
        "fieldset",
        { class: "group", id: "group-about" },
        h("legend", {}, h("h2", {}, "About you (optional)")),
        h(
          "div",
          { class: "field" },
          h("label", { for: "f-role", class: "field-label" }, "Your role"),
          h(
            "p",
            { class: "hint", id: "hint-role" },
            "The survey asks nothing else about you: no name, no e-mail address. Your role helps the survey team know whom to ask about the answers.",
          ),
          this.role,
        ),
      ),
      h("div", { class: "actions" }, h("button", { type: "submit", class: "primary" }, submitLabel)),
    );
  }

  private renderField(field: FormField, previous: { label: string; cells: Record<string, string> } | null) {
    const { column } = field;
    const hintId = `hint-${column}`;
    const errorId = `err-${column}`;
    const hint = h("p", { class: "hint", id: hintId }, field.hint);
    const before = previous?.cells[column] ?? "";
    const previousText =
      previous && before.trim() !== ""
        ? h(
            "p",
            { class: "previous", id: `prev-${column}` },
            `In ${previous.label}: ${displayValue(field, before)}`,
          )
        : null;
    const error = h("p", { class: "field-error", id: errorId, hidden: true });
    const describedBy = [hintId, ...(previousText ? [`prev-${column}`] : [])];
    const required = field.required ? h("span", { class: "required" }, " (required)") : null;

    if (field.kind === "choice" || field.kind === "list") {
      const type = field.kind === "choice" ? "radio" : "checkbox";
      const inputs: HTMLInputElement[] = [];
      const options = (field.options ?? []).map((option, i) => {
        const id = inputId(column, i);
        const optionHint = option.hint
          ? h("p", { class: "option-hint", id: `${id}-hint` }, option.hint)
          : null;
        const input = h("input", {
          type,
          id,
          name: column,
          value: option.value,
          ...(optionHint ? { "aria-describedby": `${id}-hint` } : {}),
        });
        inputs.push(input);
        return h("div", { class: "option" }, input, h("label", { for: id }, option.label), optionHint);
      });
      const fieldset = h(
        "fieldset",
        {
          class: `field field-${field.kind}`,
          id: `field-${column}`,
          "aria-describedby": describedBy.join(" "),
        },
        h("legend", { class: "field-label" }, field.label, required),
        hint,
        previousText,
        error,
        h("div", { class: field.kind === "list" ? "options options-list" : "options" }, ...options),
      );
      this.controls.set(column, {
        field,
        container: fieldset,
        described: fieldset,
        inputs,
        error,
        describedBy,
      });
      return fieldset;
    }

    const id = inputId(column);
    const input =
      field.kind === "text"
        ? h("textarea", { id, name: column, rows: "6", spellcheck: "true" })
        : h("input", {
            id,
            name: column,
            type: "text",
            inputmode: field.kind === "count" ? "numeric" : "decimal",
            autocomplete: "off",
            spellcheck: "false",
            class: "short",
          });
    const counterId = `count-${column}`;
    const counter =
      field.kind === "text"
        ? h("p", { class: "counter", id: counterId }, `0 of ${SURVEY_FILE_LIMITS.maxNotesLength} characters`)
        : undefined;
    if (counter) describedBy.push(counterId);
    input.setAttribute("aria-describedby", describedBy.join(" "));
    const container = h(
      "div",
      { class: "field", id: `field-${column}` },
      h("label", { for: id, class: "field-label" }, field.label, required),
      hint,
      previousText,
      error,
      input,
      counter,
    );
    this.controls.set(column, {
      field,
      container,
      described: input,
      inputs: [input],
      error,
      describedBy,
      ...(counter ? { counter } : {}),
    });
    return container;
  }

  /** The column an event's target belongs to. */
  columnOf(target: EventTarget | null): AnswerColumn | undefined {
    if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)) return undefined;
    const name = target.name as AnswerColumn;
    return this.controls.has(name) ? name : undefined;
  }

  /** The answers as survey-format cells: a choice's value, ticked items `;`-joined in list order, text as typed. */
  cells(): AnswerCells {
    const out: AnswerCells = {};
    for (const [column, c] of this.controls) {
      if (c.field.kind === "choice") {
        out[column] = (c.inputs as HTMLInputElement[]).find((i) => i.checked)?.value ?? "";
      } else if (c.field.kind === "list") {
        out[column] = (c.inputs as HTMLInputElement[])
          .filter((i) => i.checked)
          .map((i) => i.value)
          .join(";");
      } else {
        out[column] = c.inputs[0]!.value;
      }
    }
    return out;
  }

  /** Puts cells into the form; `onlyBlank` leaves answers already given alone. */
  setCells(cells: Record<string, string>, onlyBlank = false): void {
    const current = this.cells();
    for (const [column, c] of this.controls) {
      const value = cells[column];
      if (value === undefined) continue;
      if (onlyBlank && (current[column] ?? "").trim() !== "") continue;
      if (c.field.kind === "choice") {
        for (const input of c.inputs as HTMLInputElement[])
          input.checked = input.value === value && value !== "";
      } else if (c.field.kind === "list") {
        const items = new Set(value.split(";").map((v) => v.trim()));
        for (const input of c.inputs as HTMLInputElement[]) input.checked = items.has(input.value);
      } else {
        c.inputs[0]!.value = value;
      }
    }
    this.updateCounter();
  }

  roleValue(): string | null {
    return this.role.value === "" ? null : this.role.value;
  }

  setRole(role: string | null): void {
    this.role.value = role ?? "";
  }

  /** Keeps the notes' character count beside the box. */
  updateCounter(): void {
    const notes = this.controls.get("notes");
    if (!notes?.counter) return;
    const n = notes.inputs[0]!.value.length;
    notes.counter.textContent = `${n.toLocaleString("en-GB")} of ${SURVEY_FILE_LIMITS.maxNotesLength.toLocaleString("en-GB")} characters`;
    notes.counter.classList.toggle("over", n > SURVEY_FILE_LIMITS.maxNotesLength);
  }

  /**
   * Shows each problem beside its field (for the columns in `columns`; the rest are cleared), ties it to the
   * control with aria-describedby and marks it aria-invalid. Returns the fields whose message changed.
   */
  showProblems(problems: readonly ReturnProblem[], columns: ReadonlySet<AnswerColumn>): AnswerColumn[] {
    const messages = new Map<AnswerColumn, string[]>();
    for (const p of problems) {
      const column = p.column as AnswerColumn;
      if (!this.controls.has(column) || !columns.has(column)) continue;
      messages.set(column, [...(messages.get(column) ?? []), p.message]);
    }
    const changed: AnswerColumn[] = [];
    for (const [column, c] of this.controls) {
      const text = messages.get(column)?.join(" ") ?? "";
      if ((this.shown.get(column) ?? "") !== text) changed.push(column);
      this.shown.set(column, text);
      const invalid = text !== "";
      c.error.hidden = !invalid;
      fill(c.error, ...(invalid ? [h("span", { class: "visually-hidden" }, "Error: "), text] : []));
      c.container.classList.toggle("has-error", invalid);
      const ids = invalid ? [...c.describedBy, c.error.id] : c.describedBy;
      c.described.setAttribute("aria-describedby", ids.join(" "));
      for (const input of c.inputs) {
        if (invalid) input.setAttribute("aria-invalid", "true");
        else input.removeAttribute("aria-invalid");
      }
    }
    return changed;
  }

  /** The message shown for a field now ("" when none). */
  shownMessage(column: AnswerColumn): string {
    return this.shown.get(column) ?? "";
  }

  /** The first control of a field, to move focus to. */
  firstControl(column: AnswerColumn): HTMLElement | undefined {
    return this.controls.get(column)?.inputs[0];
  }

  label(column: AnswerColumn): string {
    return this.controls.get(column)?.field.label ?? column;
  }

  /** The form's fields in order (for the error summary and the received view). */
  static fields(): readonly FormField[] {
    return FORM_FIELDS;
  }
}

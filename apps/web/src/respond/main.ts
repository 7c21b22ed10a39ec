import {
  type AnswerColumn,
  checkFormReturn,
  FORM_GROUPS,
  hasAnswers,
  RESPONDENT_ROLE_LABELS,
  type RespondentRole,
  type ReturnProblem,
} from "@atlas/domain/respondent";
import { type OpenedReturn, RespondentApi, type Scope } from "./api";
import { DraftSaver, type SaveStatus } from "./autosave";
import { retryDelay } from "./backoff";
import { fill, formatDate, formatTime, h } from "./dom";
import { displayValue, ReturnForm } from "./form";
import { readLink } from "./link";
import "./respond.css";

const main = document.getElementById("main")!;
const announcer = document.getElementById("announcer")!;

/** Says something to screen readers once (a polite live region, emptied first so a repeat is said again). */
function announce(text: string): void {
  announcer.textContent = "";
  setTimeout(() => {
    announcer.textContent = text;
  }, 50);
}

function setTitle(text: string): void {
  document.title = `${text}: MBCT Access Atlas survey`;
}

/** Shown for every refusal (the server gives one answer for all: no reason is knowable here). */
function showGone(incomplete = false): void {
  setTitle("This link does not open a return");
  const heading = h("h1", { tabindex: "-1" }, "This link does not open a return");
  fill(
    main,
    heading,
    h(
      "p",
      {},
      incomplete
        ? "The link looks incomplete. Open the whole link from the e-mail the survey team sent: it ends with #t= and a long code."
        : "It may be mistyped or incomplete, it may have expired or been replaced by a newer link, or the survey may have closed.",
    ),
    h(
      "p",
      {},
      "Ask the survey team for a new link. Answers you saved are kept: a new link opens them again, until the survey closes.",
    ),
  );
  heading.focus();
}

/** Loads the return, retrying with back-off while the server cannot be reached. */
async function load(api: RespondentApi, scope: Scope): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const result = await api.open();
    if (result.ok) {
      start(api, scope, result.value);
      return;
    }
    const { failure } = result;
    if (failure.kind === "not_found") return showGone();
    const wait = Math.max(
      retryDelay(attempt, Math.random()),
      failure.kind === "rate_limited" ? failure.retryAfterMs : 0,
    );
    const why =
      failure.kind === "server"
        ? `The server could not open your return (${failure.detail}).`
        : "The server cannot be reached: the connection may be slow or gone.";
    fill(
      main,
      h("h1", {}, "Opening your survey return"),
      h(
        "p",
        { class: "alert", role: "alert" },
        `${why} Trying again in about ${Math.round(wait / 1000)} seconds.`,
      ),
    );
    await new Promise((r) => setTimeout(r, wait));
  }
}

function start(api: RespondentApi, scope: Scope, data: OpenedReturn): void {
  const { draft, link, received } = data;
  const submitted = link.submittedAt;
  const correcting = draft !== null && submitted !== null && draft.savedAt > submitted;
  if (submitted && received && !correcting) {
    showReceived(api, scope, data, received.cells, submitted, draft?.role ?? null, null);
    return;
  }
  const cells = draft?.cells ?? received?.cells ?? {};
  showForm(
    api,
    scope,
    data,
    cells,
    draft?.role ?? null,
    correcting ? "corrections" : draft ? "draft" : "new",
  );
}

function pageHeader(data: OpenedReturn, title: string): HTMLElement[] {
  const heading = h("h1", { tabindex: "-1" }, title);
  return [
    heading,
    h(
      "p",
      { class: "organisation" },
      h("strong", {}, data.organisation.name),
      ` (${data.organisation.code})`,
      data.organisation.areaName ? h("span", { class: "area" }, data.organisation.areaName) : null,
    ),
  ];
}

function showForm(
  api: RespondentApi,
  scope: Scope,
  data: OpenedReturn,
  cells: Record<string, string>,
  role: string | null,
  from: "new" | "draft" | "corrections" | "received",
): void {
  const title = `Survey return, wave ${data.wave.label}`;
  setTitle(title);
  const form = new ReturnForm(
    data.previous,
    data.link.submittedAt ? "Submit your corrections" : "Submit your return",
  );
  form.setCells(cells);
  form.setRole(role);

  const intro = h(
    "div",
    { class: "intro" },
    h(
      "p",
      {},
      `Your answers are saved as you go. You can leave and come back with the same link until ${formatDate(data.link.expiresAt)}, or until the survey team publishes the wave. Only "Is MBCT offered?" must be answered; leave anything you do not know blank.`,
    ),
    from === "draft" && data.draft
      ? h("p", { class: "note" }, `Your saved answers from ${formatTime(data.draft.savedAt)} are filled in.`)
      : null,
    from === "corrections"
      ? h(
          "p",
          { class: "note" },
          "You have corrections that are saved but not submitted yet: submit them when they are ready.",
        )
      : null,
  );

  let previousPanel: HTMLElement | null = null;
  if (data.previous) {
    const copy = h(
      "button",
      { type: "button", class: "secondary" },
      `Fill blank answers with your ${data.previous.label} answers`,
    );
    previousPanel = h(
      "div",
      { class: "previous-panel" },
      h(
        "p",
        {},
        `Your organisation's answers for ${data.previous.label} are shown under each question as a starting point.`,
      ),
      copy,
    );
    copy.addEventListener("click", () => {
      form.setCells(data.previous!.cells, true);
      for (const field of FORM_GROUPS.flatMap((g) => g.fields)) {
        if ((data.previous!.cells[field.column] ?? "") !== "") touched.add(field.column);
      }
      validate(true);
      saver.changed();
      announce(
        `Blank answers filled with the ${data.previous!.label} answers. Check each before submitting.`,
      );
    });
  }

  const summary = h("div", { class: "error-summary", tabindex: "-1", hidden: true });
  const status = h("p", { class: "save-status", role: "status" }, "");
  const alertBox = h("div", { class: "save-alert", role: "alert" });
  const sendAlert = h("div", { class: "send-alert", role: "alert" });
  const saveBar = h("div", { class: "save-bar" }, status, alertBox);

  fill(main, ...pageHeader(data, title), intro, previousPanel, summary, form.element, sendAlert, saveBar);

  // Problems show beside a field once it has been touched (or everywhere once submit was tried); fields
  // already answered (a draft, a correction) count as touched.
  const touched = new Set<AnswerColumn>();
  for (const [column, value] of Object.entries(form.cells())) {
    if ((value ?? "").trim() !== "") touched.add(column as AnswerColumn);
  }
  let attempted = false;
  let problems: ReturnProblem[] = [];
  let announceTimer: ReturnType<typeof setTimeout> | undefined;
  const validate = (announceChanges: boolean) => {
    problems = checkFormReturn(form.cells(), scope).problems;
    const visible = attempted ? new Set(problems.map((p) => p.column as AnswerColumn)) : touched;
    const changed = form.showProblems(problems, visible);
    if (attempted) renderSummary(false);
    if (!announceChanges) return;
    const said = changed.filter((c) => form.shownMessage(c) !== "");
    if (said.length === 0) return;
    clearTimeout(announceTimer);
    // Said once the respondent pauses, not at every keystroke.
    announceTimer = setTimeout(() => {
      const now = said.filter((c) => form.shownMessage(c) !== "");
      if (now.length > 0) announce(now.map((c) => `${form.label(c)}: ${form.shownMessage(c)}`).join(". "));
    }, 900);
  };
  const renderSummary = (focus: boolean) => {
    const shown = [...new Set(problems.map((p) => p.column as AnswerColumn))].filter((c) =>
      form.shownMessage(c),
    );
    if (shown.length === 0) {
      summary.hidden = true;
      fill(summary);
      return;
    }
    summary.hidden = false;
    fill(
      summary,
      h("h2", {}, shown.length === 1 ? "There is a problem" : `There are ${shown.length} problems`),
      h(
        "ul",
        {},
        ...shown.map((c) =>
          h(
            "li",
            {},
            h(
              "a",
              { href: `#${form.firstControl(c)?.id ?? ""}` },
              `${form.label(c)}: ${form.shownMessage(c)}`,
            ),
          ),
        ),
      ),
    );
    if (focus) {
      // The summary says it all: a field's message still waiting for the respondent's pause would talk over it.
      clearTimeout(announceTimer);
      announce(
        `${shown.length === 1 ? "There is a problem" : `There are ${shown.length} problems`}. ${form.label(shown[0]!)}: ${form.shownMessage(shown[0]!)}`,
      );
      form.firstControl(shown[0]!)?.focus();
    }
  };
  summary.addEventListener("click", (event) => {
    const target = event.target;
    if (!(target instanceof HTMLAnchorElement)) return;
    event.preventDefault();
    document.getElementById(target.hash.slice(1))?.focus();
  });

  const body = () => ({ cells: form.cells(), role: form.roleValue() });
  const saver = new DraftSaver({
    save: () => api.saveDraft(body()),
    onStatus: (s) => renderStatus(s, status, alertBox, () => saver.saveNow()),
    onGone: () => showGone(),
  });

  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  form.element.addEventListener("input", (event) => {
    const column = form.columnOf(event.target);
    form.updateCounter();
    if (column) touched.add(column);
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => validate(true), 350);
    saver.changed();
  });
  form.element.addEventListener("change", (event) => {
    const column = form.columnOf(event.target);
    if (column) touched.add(column);
    if (event.target === form.role) saver.changed();
    clearTimeout(typingTimer);
    validate(true);
  });
  form.element.addEventListener("focusout", (event) => {
    const column = form.columnOf(event.target);
    if (!column || touched.has(column)) return;
    touched.add(column);
    validate(false);
  });

  let sending = false;
  form.element.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (sending) return;
    attempted = true;
    clearTimeout(typingTimer);
    validate(false);
    if (problems.length > 0) {
      renderSummary(true);
      return;
    }
    sending = true;
    fill(sendAlert);
    const button = form.element.querySelector<HTMLButtonElement>("button[type=submit]")!;
    const label = button.textContent;
    button.disabled = true;
    button.textContent = "Sending…";
    const result = await api.submit(body());
    sending = false;
    button.disabled = false;
    button.textContent = label;
    if (result.ok) {
      saver.markSaved(result.value.receivedAt);
      saver.stop();
      showReceived(
        api,
        scope,
        data,
        result.value.cells,
        result.value.receivedAt,
        form.roleValue(),
        result.value.message,
      );
      return;
    }
    const { failure } = result;
    if (failure.kind === "not_found") {
      saver.stop();
      showGone();
      return;
    }
    if (failure.kind === "invalid") {
      problems = failure.problems;
      form.showProblems(problems, new Set(problems.map((p) => p.column as AnswerColumn)));
      renderSummary(true);
      return;
    }
    const why =
      failure.kind === "unreachable"
        ? "the server cannot be reached"
        : failure.kind === "rate_limited"
          ? "the server is busy"
          : failure.detail;
    fill(
      sendAlert,
      h(
        "p",
        {},
        `Your return was not sent: ${why}. Your answers are still here and are saved as a draft when the connection is back. Try submitting again in a moment.`,
      ),
    );
  });

  // Leaving: send what is not saved yet (the browser finishes the request), and warn before losing it.
  const flush = () => {
    if (saver.dirty) api.saveDraftOnExit(body());
  };
  window.addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") flush();
  });
  window.addEventListener("beforeunload", (event) => {
    if (saver.dirty) event.preventDefault();
  });

  validate(false);
  if (from === "received" || !hasAnswers(form.cells())) status.textContent = "";
  (main.querySelector("h1") as HTMLElement).focus();
}

function renderStatus(s: SaveStatus, status: HTMLElement, alertBox: HTMLElement, retry: () => void): void {
  if (s.kind !== "failed") fill(alertBox);
  switch (s.kind) {
    case "idle":
    case "gone":
      status.textContent = "";
      return;
    case "pending":
      status.textContent = "Changes not saved yet…";
      return;
    case "saving":
      status.textContent = "Saving…";
      return;
    case "saved":
      status.textContent = `All answers saved at ${new Date(s.at).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit" })}.`;
      return;
    case "failed": {
      status.textContent = "Not saved.";
      const seconds = Math.max(1, Math.round((s.retryAt - Date.now()) / 1000));
      const why =
        s.why === "unreachable"
          ? "the server cannot be reached"
          : s.why === "rate_limited"
            ? "the server is busy"
            : "the server had a problem";
      const button = h("button", { type: "button", class: "secondary" }, "Try again now");
      button.addEventListener("click", retry);
      fill(
        alertBox,
        h(
          "p",
          {},
          h("strong", {}, "Your latest answers are not saved: "),
          `${why}. They are still on this page. Trying again in about ${seconds} seconds.`,
        ),
        button,
      );
    }
  }
}

function showReceived(
  api: RespondentApi,
  scope: Scope,
  data: OpenedReturn,
  cells: Record<string, string>,
  at: string,
  role: string | null,
  message: string | null,
): void {
  const title = "Your return is received";
  setTitle(title);
  const correct = h("button", { type: "button", class: "primary" }, "Correct your answers");
  correct.addEventListener("click", () => showForm(api, scope, data, cells, role, "received"));
  fill(
    main,
    ...pageHeader(data, title),
    h(
      "div",
      { class: "received-panel" },
      h("p", {}, `Received at ${formatTime(at)}. ${message ?? ""}`),
      h(
        "p",
        {},
        `The survey team has your answers for wave ${data.wave.label} now; they become public only when the team publishes the wave. You can correct them with this link until ${formatDate(data.link.expiresAt)}, or until the wave is published.`,
      ),
    ),
    h("h2", {}, "What was received"),
    ...FORM_GROUPS.map((group) =>
      h(
        "section",
        { class: "received-group", "aria-labelledby": `received-${group.id}` },
        h("h3", { id: `received-${group.id}` }, group.legend),
        h(
          "dl",
          {},
          ...group.fields.flatMap((field) => [
            h("dt", {}, field.label),
            h("dd", {}, displayValue(field, cells[field.column] ?? "")),
          ]),
        ),
      ),
    ),
    h("p", {}, "Your role: ", role ? (RESPONDENT_ROLE_LABELS[role as RespondentRole] ?? role) : "not given"),
    h("div", { class: "actions" }, correct),
  );
  (main.querySelector("h1") as HTMLElement).focus();
  announce(`${title}. Received at ${formatTime(at)}.`);
}

const link = readLink(window.location, window.history, window.sessionStorage);
if (!link) showGone(true);
else void load(new RespondentApi(link.scope, link.token), link.scope);

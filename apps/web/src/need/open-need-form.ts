/**
 * Every need figure has a "change" button and the filters have one too; one dialog (NeedDialog, mounted
 * once per page) answers them all, so the form is reachable from anywhere without a route of its own.
 */
export const OPEN_NEED_FORM = "atlas:open-need-form";

export function openNeedForm(): void {
  window.dispatchEvent(new Event(OPEN_NEED_FORM));
}

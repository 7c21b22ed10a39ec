import type { Context } from "hono";

const TEXTS = new WeakMap<object, string>();

/**
 * A view as a 200 JSON answer. A view memoised on the data's index is the same object on every request, so
 * its text is made once as well: serialising a large view cost a third of its request. The text lives as
 * long as the object (the index of one data version), and memoised views are never changed once made.
 */
export function jsonAnswer<T extends object>(c: Context, view: T) {
  let text = TEXTS.get(view);
  if (text === undefined) {
    text = JSON.stringify(view);
    TEXTS.set(view, text);
  }
  return c.body(text, 200, { "Content-Type": "application/json" });
}

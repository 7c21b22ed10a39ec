import { type ControlScope, scopeText } from "./control-scope";

/** Under a shared control: what it applies to on this view, or why this view does not use it. */
export function ControlScopeNote({ id, scope }: { id: string; scope: ControlScope }) {
  const text = scopeText(scope);
  if (!text) return null;
  return (
    <p id={id} className={scope.applies ? "control-scope" : "control-scope unused"}>
      {text}
    </p>
  );
}

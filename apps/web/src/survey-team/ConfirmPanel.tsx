import { type ReactNode, useEffect, useId, useRef } from "react";

/**
 * An inline confirmation: what the action will do, in words, with the action and Cancel. Focus moves to its
 * heading when it opens, so a screen reader reads the consequence before the buttons; Escape cancels.
 */
export function ConfirmPanel({
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  busy = false,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
}) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section
      className="confirm-panel"
      aria-labelledby={`${id}-h`}
      onKeyDown={(e) => {
        if (e.key === "Escape") onCancel();
      }}
    >
      <h3 id={`${id}-h`} ref={heading} tabIndex={-1}>
        {title}
      </h3>
      {children}
      <div className="panel-actions">
        <button type="button" className="primary" onClick={onConfirm} disabled={busy}>
          {busy ? "Working…" : confirmLabel}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </section>
  );
}

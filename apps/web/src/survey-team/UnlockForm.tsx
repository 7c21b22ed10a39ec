import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { AdminApi } from "./admin-api";
import { unlockErrorText } from "./error-text";

/**
 * The admin token's password field. The token is checked against the server (the survey team's wave list)
 * before the page keeps it; a wrong one is said beside the field, and the field keeps focus.
 */
export function UnlockForm({
  onUnlocked,
  afterLock,
}: {
  onUnlocked: (token: string) => void;
  afterLock: string | null;
}) {
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  useEffect(() => {
    if (afterLock) field.current?.focus();
  }, [afterLock]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const token = field.current?.value.trim() ?? "";
    if (!token) {
      setError("Enter the admin token.");
      field.current?.focus();
      return;
    }
    setChecking(true);
    setError(null);
    try {
      await new AdminApi(token).waveStatus();
      if (field.current) field.current.value = "";
      onUnlocked(token);
    } catch (caught) {
      setError(unlockErrorText(caught));
      field.current?.focus();
    } finally {
      setChecking(false);
    }
  };

  return (
    <section className="team-section unlock" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Unlock</h2>
      <p>
        This page is for the survey team. Unlock it with the server's admin token (
        <code>ATLAS_ADMIN_TOKEN</code>). It is kept for this browser tab only, until you lock the page or
        close the tab.
      </p>
      <p role="status" className="team-status">
        {afterLock}
      </p>
      {/* POST, so even without the script the token could never land in the address bar. */}
      <form method="post" onSubmit={submit} noValidate>
        <label htmlFor={`${id}-token`}>Admin token</label>
        <div className="field-row">
          <input
            ref={field}
            id={`${id}-token`}
            name="token"
            type="password"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
          />
          <button type="submit" disabled={checking}>
            {checking ? "Checking…" : "Unlock"}
          </button>
        </div>
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      </form>
    </section>
  );
}

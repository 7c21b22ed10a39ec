import { type CreatedLinks, linksCsv } from "@atlas/domain";
import { useEffect, useId, useRef } from "react";
import { saveBlob } from "../downloads/save";
import type { Announce } from "./TeamWorkspace";
import { shortDateTime } from "./tracker-rows";

/**
 * Links just made, shown this once: the server keeps only a hash of each token, so once this panel is
 * closed (or the page left) they cannot be shown again; reissuing makes new ones.
 */
export function NewLinks({
  result,
  onDone,
  announce,
}: {
  result: CreatedLinks;
  onDone: () => void;
  announce: Announce;
}) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const copy = async (text: string, what: string) => {
    try {
      await navigator.clipboard.writeText(text);
      announce(`Copied ${what}.`);
    } catch {
      announce("The browser did not allow copying; select the link and copy it by hand.");
    }
  };
  const count = result.created.length;
  return (
    <section className="new-links" aria-labelledby={`${id}-h`} data-testid="new-links">
      <h3 id={`${id}-h`} ref={heading} tabIndex={-1}>
        {count === 0
          ? "No new links"
          : `${count} new ${count === 1 ? "link" : "links"}: copy ${count === 1 ? "it" : "them"} now`}
      </h3>
      {count > 0 ? (
        <p className="warning-note">
          <strong>Copy now: they will not be shown again.</strong> Only a hash of each link is kept. Download
          them as CSV for a mail merge or copy them one by one; keep them private, like passwords, and delete
          the file once sent.
        </p>
      ) : null}
      <p>{result.message}</p>
      {result.warnings.map((w) => (
        <p key={w} className="warning-note">
          {w}
        </p>
      ))}
      {count > 0 ? (
        <>
          <div className="panel-actions">
            <button
              type="button"
              className="primary"
              onClick={() =>
                saveBlob(
                  new Blob([linksCsv(result)], { type: "text/csv;charset=utf-8" }),
                  `mbct-atlas_respondent-links_${result.waveId}.csv`,
                )
              }
            >
              Download these links (CSV)
            </button>
          </div>
          <ul className="link-list">
            {result.created.map((link) => (
              <li key={link.linkId}>
                <span>
                  {link.orgName} ({link.orgCode}), until {shortDateTime(link.expiresAt)}
                  {link.replacedLinkId ? "; the old link is revoked" : ""}
                </span>
                <code data-testid="new-link-url">{link.url}</code>
                <button
                  type="button"
                  onClick={() => void copy(link.url, `the link for ${link.orgName}`)}
                  aria-label={`Copy the link for ${link.orgName}`}
                >
                  Copy
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {result.skipped.length > 0 ? (
        <p>
          Skipped, as their links still work (reissue to replace them):{" "}
          {result.skipped.map((s) => `${s.orgName} (${s.orgCode})`).join(", ")}.
        </p>
      ) : null}
      <div className="panel-actions">
        <button type="button" onClick={onDone}>
          {count > 0 ? "I have copied them: hide the links" : "Close"}
        </button>
      </div>
    </section>
  );
}

import { adminSession } from "../api/admin-session";

/**
 * Says, above everything, that the dashboard is showing draft waves to the survey team (src/survey-team:
 * every data read then carries the admin token and `include=drafts`), with the way out. Leaving reloads
 * the page, so nothing read with drafts stays in the cache.
 */
export function DraftPreviewBanner() {
  if (!adminSession().previewToken()) return null;
  return (
    <section className="draft-preview" aria-label="Draft preview" data-testid="draft-preview">
      <p>
        <strong>Draft preview — not public.</strong> This dashboard shows draft waves only the survey team can
        see. Nothing here is published.
      </p>
      <button
        type="button"
        onClick={() => {
          adminSession().setPreview(false);
          window.location.assign("/?view=survey-team");
        }}
      >
        Leave the preview
      </button>
    </section>
  );
}

import { SYNTHETIC_DATA_NOTICE } from "@atlas/domain";
import { useEffect } from "react";
import { useConnection } from "../api/connection-instance";
import { useSyntheticInView } from "../state/use-synthetic-in-view";

/** The notice the server wrote into the page (apps/api/src/web-static.ts), if it wrote one. */
function servedNotice(): HTMLElement | null {
  return document.getElementById("synthetic-notice");
}

/**
 * Nobody may mistake the demo for real returns. The server puts the notice in the page whenever the
 * database holds synthetic waves, so it is on screen from the first paint and never pushes the page down;
 * this keeps that notice true while the page stays open (hidden once no synthetic wave is left, by the
 * health check) and, where the page came without one (the Vite dev server, or synthetic data imported
 * since), shows the same words whenever any data on screen is synthetic.
 */
export function SyntheticBanner() {
  const synthetic = useSyntheticInView();
  const { health } = useConnection();
  const served = servedNotice();
  const databaseSynthetic = health?.synthetic;
  useEffect(() => {
    if (served && databaseSynthetic !== undefined) served.hidden = !databaseSynthetic;
  }, [served, databaseSynthetic]);
  if (served && databaseSynthetic !== false) return null;
  if (!synthetic) return null;
  const words = SYNTHETIC_DATA_NOTICE.all;
  return (
    <section className="synthetic-banner" aria-label="Notice about the data" data-testid="synthetic-banner">
      <strong>{words.lead}</strong> {words.body} <span className="notice-more">{words.more}</span>
    </section>
  );
}

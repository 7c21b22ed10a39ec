import { useSyntheticInView } from "../state/use-synthetic-in-view";

/** Shown whenever any data on screen is synthetic, so nobody mistakes the demo for real returns. */
export function SyntheticBanner() {
  const synthetic = useSyntheticInView();
  if (!synthetic) return null;
  return (
    <section className="synthetic-banner" aria-label="Notice about the data" data-testid="synthetic-banner">
      <strong>Synthetic demonstration data.</strong> The survey values shown here are generated for
      demonstration, not real survey returns. Do not use them for decisions. Boundaries, populations and
      organisations are real.
    </section>
  );
}

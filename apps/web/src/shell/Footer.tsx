import { useQuery } from "@tanstack/react-query";
import { useConnection } from "../api/connection-instance";
import { areasQuery } from "../api/queries";

/** Source and licence attribution (from the API), the data version, and where the open data are. */
export function Footer() {
  const areas = useQuery(areasQuery(null));
  const health = useConnection().health;
  const attribution = areas.data?.attribution;
  return (
    <footer className="site-footer">
      <p>
        Reference geography and populations:{" "}
        {attribution ? (
          <>
            <a href={attribution.licenceUrl} rel="license">
              {attribution.licence}
            </a>
            . {attribution.statements.join(" ")}
          </>
        ) : (
          "Open Government Licence v3.0."
        )}
      </p>
      <p>
        Survey data: {health?.synthetic ? "synthetic demonstration waves (not real returns). " : ""}
        Open data: <a href="/api/docs">API reference</a> · <a href="/api/openapi.json">OpenAPI</a>
        {health ? ` · data version ${health.dataVersion} · ${health.database}` : ""}
      </p>
    </footer>
  );
}

import { STAGE_LABELS } from "@atlas/domain";
import { useQuery } from "@tanstack/react-query";
import { organisationsQuery } from "../api/queries";
import { PROVISION_COLOURS, PROVISION_SHORT } from "../format/provision";
import { Loading } from "../shell/Loading";
import { UrlLink } from "../url/UrlLink";

/** The organisations in an area in one wave, with provision, stage and places; each links to its journey. */
export function AreaOrganisations({ wave, area }: { wave: string; area: string }) {
  const organisations = useQuery(organisationsQuery(wave, area));
  if (!organisations.data) return <Loading what="the organisations" queries={[organisations]} />;
  const list = organisations.data.organisations;
  return (
    <section className="area-organisations" aria-labelledby="area-orgs-title">
      <h3 id="area-orgs-title">
        Organisations in {wave} ({list.length})
      </h3>
      {list.length === 0 ? (
        <p>No organisation in this area was surveyed in {wave}.</p>
      ) : (
        <ul className="org-list">
          {list.map((o) => (
            <li key={o.code}>
              <UrlLink patch={{ org: o.code, tab: "organisation" }}>{o.name}</UrlLink>
              <span className="org-facts">
                {o.provision ? (
                  <>
                    <span
                      className="swatch small"
                      style={{ background: PROVISION_COLOURS[o.provision] }}
                      aria-hidden="true"
                    />
                    {PROVISION_SHORT[o.provision]}
                  </>
                ) : (
                  "Not surveyed"
                )}
                {" · "}
                {o.stage ? STAGE_LABELS[o.stage] : "stage not given"}
                {" · "}
                {o.placesOffered === null ? "places not given" : `${o.placesOffered} places`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { organisationQuery, organisationsQuery } from "../api/queries";
import { ChartFigure } from "../charts/ChartFigure";
import { journeyTimeline } from "../charts/journey-timeline";
import { journeyTable } from "../charts/tables";
import { normalise } from "../controls/search-index";
import { ORGANISATION_TYPE_WORDS } from "../format/organisation";
import { CsvLink } from "../shell/CsvLink";
import { Loading } from "../shell/Loading";
import { StaleNotice } from "../shell/StaleNotice";
import { useDashboard } from "../state/use-dashboard";
import { UrlLink } from "../url/UrlLink";

/** One organisation's journey through the waves, or a list to pick one from. */
export default function OrganisationView() {
  const { state } = useDashboard();
  return state.org ? <Journey code={state.org} /> : <OrganisationPicker />;
}

function Journey({ code }: { code: string }) {
  const { waveIds } = useDashboard();
  const detail = useQuery(organisationQuery(code));
  if (!detail.data) return <Loading what={`the journey of ${code}`} queries={[detail]} />;
  const { organisation, area, predecessors, successor, journey, synthetic } = detail.data;
  const input = { name: organisation.name, waves: waveIds, journey };
  return (
    <div className="organisation-view">
      <p>
        <UrlLink patch={{ org: null }}>← All organisations</UrlLink>
      </p>
      <h2>{organisation.name}</h2>
      <StaleNotice queries={[detail]} />
      <p className="area-meta">
        {ORGANISATION_TYPE_WORDS[organisation.type] ?? organisation.type} · {organisation.code} · in{" "}
        <UrlLink patch={{ area: area.code, level: area.level, tab: "map" }}>{area.name}</UrlLink>
        {organisation.closedOn ? ` · closed ${organisation.closedOn}` : ""}
      </p>
      {predecessors.length > 0 ? (
        <p>
          Formed from:{" "}
          {predecessors.map((p, i) => (
            <span key={p.code}>
              {i > 0 ? ", " : ""}
              <UrlLink patch={{ org: p.code }}>{p.name}</UrlLink>
            </span>
          ))}
        </p>
      ) : null}
      {successor ? (
        <p>
          Merged into <UrlLink patch={{ org: successor.code }}>{successor.name}</UrlLink>
          {organisation.closedOn ? ` (${organisation.closedOn})` : ""}.
        </p>
      ) : null}
      <ChartFigure
        testId="journey-timeline"
        title={`Journey of ${organisation.name}`}
        render={(width) =>
          journeyTimeline(input, width, {
            id: "journey-chart",
            title: `Journey of ${organisation.name}`,
            description: "Provision, implementation stage, champion and pivot events in each survey wave.",
          })
        }
        table={journeyTable(input)}
        filters={[`organisation ${organisation.code}`]}
        synthetic={synthetic}
        fileParts={["journey", organisation.code]}
      />
      <details>
        <summary>Notes and funding by wave</summary>
        <ul>
          {journey.map((step) => (
            <li key={step.waveId}>
              <strong>{step.waveId}</strong>: {step.fundingSources.join(", ") || "no funding recorded"}
              {step.notes ? ` · ${step.notes}` : ""}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}

function OrganisationPicker() {
  const { wave, waves } = useDashboard();
  const organisations = useQuery({ ...organisationsQuery(wave ?? "", null), enabled: wave !== null });
  const [filter, setFilter] = useState("");
  const list = useMemo(() => {
    const q = normalise(filter);
    return [...(organisations.data?.organisations ?? [])]
      .sort((a, b) => a.name.localeCompare(b.name))
      .filter(
        (o) =>
          !q ||
          normalise(o.name).includes(q) ||
          o.code.toLowerCase().includes(q) ||
          normalise(o.areaName).includes(q),
      );
  }, [organisations.data, filter]);
  if (!organisations.data || !wave)
    return <Loading what="the organisations" queries={[organisations, waves]} />;
  return (
    <div className="organisation-picker">
      <h2>Organisation journeys</h2>
      <StaleNotice queries={[organisations]} />
      <p>
        Choose an organisation to see its provision and stage in every wave, with the events that turned it.
        Organisations not in this wave, closed ones included, are in the{" "}
        <UrlLink patch={{ view: "directory", tab: "map" }}>organisation directory</UrlLink>.
      </p>
      <div className="view-toolbar">
        <label>
          Filter by name, code or area{" "}
          <input type="search" value={filter} onChange={(event) => setFilter(event.target.value)} />
        </label>
        <CsvLink
          request={{ view: "organisations", wave, area: null }}
          label={`CSV of organisations in ${wave}`}
        />
      </div>
      <ul className="organisation-list">
        {list.map((o) => (
          <li key={o.code}>
            <UrlLink patch={{ org: o.code }}>{o.name}</UrlLink> <span className="muted">{o.areaName}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

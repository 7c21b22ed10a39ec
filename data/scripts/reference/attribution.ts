/** attribution.json: licence, attribution statements and the list of sources used. */
import { OGL } from "./config";

// Statements verbatim from shared/data/raw/PROVENANCE.md
export const ATTRIBUTION = {
  licence: "Open Government Licence v3.0",
  licenceUrl: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
  statements: [
    "Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © Crown copyright and database right 2023.",
    "Contains public sector information licensed under the Open Government Licence v3.0 (Source: NHS England Organisation Data Service).",
    "NHS Health Board boundaries © Scottish Government; contains Ordnance Survey data © Crown copyright and database right.",
    "Population estimates for Scotland © Crown copyright, National Records of Scotland.",
    "Contains public sector information licensed under the OGL v3.0 (Department of Health NI / NISRA).",
    "Source: NHS Staff Survey, NHS England.",
    "Contains public sector information from NHS England Mental Health Services Monthly Statistics licensed under the Open Government Licence v3.0.",
    "Place-to-area lookups: © Crown copyright, National Records of Scotland; contains public sector information licensed under the OGL v3.0 (OpenDataNI).",
  ],
  sources: [
    {
      id: "ons-icb-boundaries-2023",
      title: "Integrated Care Boards (April 2023) EN BSC",
      publisher: "Office for National Statistics",
      licence: OGL,
      usedFor:
        "England local (ICB) boundaries; England regions and nation are dissolved from them; ICB centroids",
    },
    {
      id: "ons-lhb-boundaries-2022",
      title: "Local Health Boards (April 2022) WA BUC",
      publisher: "Office for National Statistics",
      licence: OGL,
      usedFor: "Wales local health board boundaries, codes, names and points",
    },
    {
      id: "ons-nhser-boundaries-2022",
      title: "NHS England Regions (July 2022) EN BUC",
      publisher: "Office for National Statistics",
      licence: OGL,
      usedFor: "NHS England region codes and names",
    },
    {
      id: "ons-countries-2022",
      title: "Countries (December 2022) UK BUC",
      publisher: "Office for National Statistics",
      licence: OGL,
      usedFor: "Nation codes and names",
    },
    {
      id: "sg-health-boards-2019",
      title: "NHS Health Boards 2019",
      publisher: "Scottish Government (via humaniverse/geographr)",
      licence: OGL,
      usedFor: "Scotland health board boundaries, codes and names",
    },
    {
      id: "dohni-trust-boundaries",
      title: "Department of Health Trust Boundaries",
      publisher: "Department of Health (Northern Ireland), OpenDataNI (via humaniverse/geographr)",
      licence: OGL,
      usedFor: "Northern Ireland HSC trust boundaries and codes",
    },
    {
      id: "ons-sape-health-geographies-2022",
      title:
        "Population estimates for health geographies in England and Wales, mid-2021 and mid-2022 (sapehealthgeogstablefinal)",
      publisher: "Office for National Statistics",
      licence: OGL,
      usedFor: "18+ population of ICBs and Welsh local health boards (mid-2022)",
    },
    {
      id: "ons-lsoa-sicbl-icb-lookup-2024",
      title: "LSOA (2021) to Sub-ICB Location to ICB (2024) lookup",
      publisher: "Office for National Statistics (via humaniverse/geographr)",
      licence: OGL,
      usedFor: "ICB to NHS England region, and ICB ODS to ONS codes",
    },
    {
      id: "places-to-health-areas",
      title:
        "Local authorities, counties, council areas and districts to NHS local areas (LSOA 2021, data zone 2011 and district lookups)",
      publisher:
        "Office for National Statistics, National Records of Scotland, OpenDataNI (via humaniverse/geographr)",
      licence: OGL,
      usedFor: "Search by place name: which ICB, health board or HSC trust serves each place (places.csv)",
    },
    {
      id: "nrs-mid-2022",
      title: "Mid-2022 population estimates by council area and single year of age",
      publisher: "National Records of Scotland (via humaniverse/demographr)",
      licence: OGL,
      usedFor: "18+ population of Scottish health boards (mid-2022)",
    },
    {
      id: "nisra-mid-2020",
      title: "Mid-2020 population estimates by HSC Trust, broad age bands",
      publisher: "NISRA (via humaniverse/demographr)",
      licence: OGL,
      usedFor: "Northern Ireland 16+ population, from which 18+ is estimated",
    },
    {
      id: "ods-etr",
      title: "NHS Trusts (etr.csv), snapshots 2025-07 and 2026-04",
      publisher: "NHS England Organisation Data Service",
      licence: OGL,
      usedFor: "English trust codes, names, ICBs, postcodes, open and close dates",
    },
    {
      id: "nhs-trust-hq-locations",
      title: "NHS trust HQ locations (locations.csv, nhsengland/opensource_maternity_dashboard_project)",
      publisher: "NHS England (ODS data; coordinate source not stated)",
      licence: "OGL v3.0 (ODS data); MIT (repository)",
      usedFor: "Trust HQ latitude/longitude",
    },
    {
      id: "nhstt-providers",
      title: "NHS Talking Therapies provider metadata (bennettoxford/nhstt)",
      publisher: "Bennett Institute, University of Oxford, from NHS ODS",
      licence: "OGL v3.0 (ODS data); MIT (repository)",
      usedFor: "Which NHS trusts provide NHS Talking Therapies; TAD/TAH/TAJ names, postcodes and ICBs",
    },
    {
      id: "nhs-staff-survey",
      title: "NHS Staff Survey organisational results 2021-2024",
      publisher: "NHS England",
      licence: "NHS England publication (normally OGL v3.0; reuse terms not checked)",
      usedFor: "Selecting mental health trusts (benchmarking group)",
    },
    {
      id: "mhsds",
      title: "Mental Health Services Monthly Statistics (MHSDS), 4-week-wait measures, 2024",
      publisher: "NHS England",
      licence: OGL,
      usedFor: "Confirming adult community mental health activity of the selected trusts",
    },
  ],
};

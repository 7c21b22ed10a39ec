/** The shape of data/reference/places.csv: place names people search for, and the NHS local area(s) serving each. */

export const PLACE_COLUMNS = [
  "place_code",
  "place_name",
  "place_type",
  "nation",
  "area_code",
  "share_of_place",
  "share_basis",
] as const;

/** The raw file's columns (shared/data/raw/places/places_to_health_areas.csv). */
export const RAW_PLACE_COLUMNS = [
  "nation",
  "place_type",
  "place_code",
  "place_name",
  "area_code",
  "area_name",
  "share_of_place",
  "share_basis",
] as const;

/** Each kind of place, the nation it belongs to and the first letters of its GSS codes. */
export const PLACE_TYPES = {
  local_authority_district_2024: { nation: "England", codePrefixes: ["E06", "E07", "E08", "E09"] },
  county_2023: { nation: "England", codePrefixes: ["E10"] },
  local_authority_2021: { nation: "Wales", codePrefixes: ["W06"] },
  council_area_2019: { nation: "Scotland", codePrefixes: ["S12"] },
  local_government_district_2021: { nation: "Northern Ireland", codePrefixes: ["N09"] },
} as const;
export type PlaceType = keyof typeof PLACE_TYPES;

/** How many places of each type the build expects (every one in the four nations). */
export const EXPECTED_PLACE_COUNTS: Readonly<Record<PlaceType, number>> = {
  local_authority_district_2024: 296,
  county_2023: 21,
  local_authority_2021: 22,
  council_area_2019: 32,
  local_government_district_2021: 11,
};

/** Shares of one place add up to 1 within this (they are rounded to 4 decimals in the raw file). */
export const SHARE_SUM_TOLERANCE = 0.001;

export interface PlaceRow {
  place_code: string;
  place_name: string;
  place_type: PlaceType;
  nation: string;
  area_code: string;
  share_of_place: number;
  share_basis: string;
}

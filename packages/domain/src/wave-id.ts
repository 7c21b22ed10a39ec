/** A survey wave id: `2014` (a year) or `2014-05` (a month). Kept free of zod so small pages can use it. */
export const WAVE_ID_PATTERN = /^(19|20)\d{2}(-(0[1-9]|1[0-2]))?$/;

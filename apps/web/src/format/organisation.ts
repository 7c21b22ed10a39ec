import type { OrganisationType } from "@atlas/domain";

/** An organisation's type in words, as the journey and the directory name it. */
export const ORGANISATION_TYPE_WORDS: Record<OrganisationType, string> = {
  mental_health_trust: "Mental health trust",
  talking_therapies_trust: "NHS Talking Therapies provider",
  health_board: "Health board",
  hsc_trust: "Health and social care trust",
};

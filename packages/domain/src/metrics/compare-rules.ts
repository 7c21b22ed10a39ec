/**
 * The smallest bases on which the atlas says higher or lower (and better or worse): below them a value is
 * shown but `not_compared`, with the reason. Most local areas rest on one to four organisations, where a
 * single return decides the share (0% or 100%).
 */
export const MIN_ORGANISATIONS_TO_COMPARE = 5;
/** For metrics that count people (participants, completion): the people the value rests on. */
export const MIN_PEOPLE_TO_COMPARE = 10;

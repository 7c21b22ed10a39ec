/** The smallest count of people that is published; 1 to 4 are suppressed (0 discloses nobody). */
export const SMALLEST_PUBLISHED_COUNT = 5;

/** A count from 1 to 4: a count of people that is never published. */
export function isSmallCount(count: number): boolean {
  return count >= 1 && count < SMALLEST_PUBLISHED_COUNT;
}

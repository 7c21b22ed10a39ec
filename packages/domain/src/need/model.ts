import type { NeedAssumptions } from "./parameters";

/**
 * The need model: how many MBCT places an area needs a year, and what closing its gap would take.
 *
 * places needed = atRisk × commissionPct/100 × (area adults ÷ UK adults)
 * courses = ⌈places ÷ groupSize⌉; teachers = ⌈courses × teachersPerCourse ÷ coursesPerTeacher⌉;
 * cost a year = places × costPerPlace (2015 prices).
 * With the defaults the UK needs 87,000 places, 7,250 courses, 3,625 teachers and £9.74m a year.
 */

/** Places a year needed in an area with `adults` adults, in a UK of `ukAdults` adults. */
export function placesNeeded(adults: number, ukAdults: number, assumptions: NeedAssumptions): number {
  if (!(ukAdults > 0)) throw new RangeError(`placesNeeded: ukAdults must be > 0, got ${ukAdults}`);
  return assumptions.atRisk * (assumptions.commissionPct / 100) * (adults / ukAdults);
}

/** What a number of places a year takes to run: courses, trained teachers and cost. */
export interface CapacityNeeded {
  places: number;
  courses: number;
  teachers: number;
  /** Pounds a year, 2015 prices. */
  cost: number;
}

/**
 * The courses, teachers and cost for `places` places a year (whole courses and teachers, rounded up).
 * @example capacityFor(24, DEFAULT_NEED_ASSUMPTIONS) // { places: 24, courses: 2, teachers: 1, cost: 2688 }
 */
export function capacityFor(places: number, assumptions: NeedAssumptions): CapacityNeeded {
  const wholePlaces = Math.max(0, Math.ceil(places - 1e-9));
  const courses = Math.ceil(wholePlaces / assumptions.groupSize);
  const teachers = Math.max(
    0,
    Math.ceil((courses * assumptions.teachersPerCourse) / assumptions.coursesPerTeacher - 1e-9),
  );
  return { places: wholePlaces, courses, teachers, cost: wholePlaces * assumptions.costPerPlace };
}

/**
 * Moving between areas with the arrow keys: from the focused area to the nearest one in the direction
 * pressed, by the areas' centres on the projected map (so "right" is east on screen). An area straight
 * ahead wins over a nearer one off to the side.
 */
export type Direction = "left" | "right" | "up" | "down";

export interface NavArea {
  code: string;
  /** The area's centre, projected (x east, y south; any one scale). */
  x: number;
  y: number;
}

const VECTORS: Record<Direction, [number, number]> = {
  right: [1, 0],
  left: [-1, 0],
  up: [0, -1],
  down: [0, 1],
};

/** The key's direction, or null for any other key. */
export function arrowDirection(key: string): Direction | null {
  switch (key) {
    case "ArrowRight":
      return "right";
    case "ArrowLeft":
      return "left";
    case "ArrowUp":
      return "up";
    case "ArrowDown":
      return "down";
    default:
      return null;
  }
}

/**
 * The next area from `from` (a point: the focused area's centre) in `direction`, leaving out `exclude`
 * (the focused area itself); null when nothing lies that way. Candidates are those within 70° of the
 * direction; the cost is the distance, doubled at the edge of that cone.
 */
export function nextArea(
  from: { x: number; y: number },
  direction: Direction,
  areas: readonly NavArea[],
  exclude: string | null,
): NavArea | null {
  const [vx, vy] = VECTORS[direction];
  let best: NavArea | null = null;
  let bestCost = Number.POSITIVE_INFINITY;
  for (const area of areas) {
    if (area.code === exclude) continue;
    const dx = area.x - from.x;
    const dy = area.y - from.y;
    const distance = Math.hypot(dx, dy);
    if (distance === 0) continue;
    const cos = (dx * vx + dy * vy) / distance;
    if (cos < Math.cos((70 * Math.PI) / 180)) continue;
    const cost = distance * (1 + (1 - cos) * 2.9);
    if (cost < bestCost) {
      bestCost = cost;
      best = area;
    }
  }
  return best;
}

/** The area whose centre is nearest a point (where keyboard focus starts: the middle of the view). */
export function nearestArea(point: { x: number; y: number }, areas: readonly NavArea[]): NavArea | null {
  let best: NavArea | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const area of areas) {
    const distance = Math.hypot(area.x - point.x, area.y - point.y);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = area;
    }
  }
  return best;
}

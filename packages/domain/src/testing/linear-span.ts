/**
 * Exact linear algebra for disclosure tests: the span of integer vectors over the rationals, kept in echelon
 * form with BigInt arithmetic (fraction-free elimination, rows divided by their gcd), so no rounding can hide
 * or invent a dependency. A vector is a sparse map from variable name to integer coefficient.
 */
export type SparseVector = ReadonlyMap<string, number | bigint>;

type Row = Map<string, bigint>;

const abs = (x: bigint) => (x < 0n ? -x : x);
function gcd(a: bigint, b: bigint): bigint {
  let x = abs(a);
  let y = abs(b);
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function normalise(row: Row): Row {
  let g = 0n;
  for (const v of row.values()) g = gcd(g, v);
  if (g > 1n) for (const [k, v] of row) row.set(k, v / g);
  return row;
}

function toRow(vector: SparseVector): Row {
  const row: Row = new Map();
  for (const [k, v] of vector) {
    const b = BigInt(v);
    if (b !== 0n) row.set(k, b);
  }
  return row;
}

export class LinearSpan {
  /** Echelon rows, each keyed by its pivot variable (which no other row's pivot equals). */
  private readonly rows = new Map<string, Row>();
  /** Pivot order: a row's pivot is its smallest variable in this order at the time it was added. */
  private readonly order = new Map<string, number>();

  private rank(variable: string): number {
    let r = this.order.get(variable);
    if (r === undefined) {
      r = this.order.size;
      this.order.set(variable, r);
    }
    return r;
  }

  /** Reduces a vector against the rows; returns what is left (empty if it lies in the span). */
  private reduce(vector: SparseVector): Row {
    let row = toRow(vector);
    for (;;) {
      let hit: string | undefined;
      for (const key of row.keys()) {
        if (this.rows.has(key) && (hit === undefined || this.rank(key) < this.rank(hit))) hit = key;
      }
      if (hit === undefined) return row;
      const pivotRow = this.rows.get(hit)!;
      const a = pivotRow.get(hit)!;
      const b = row.get(hit)!;
      const next: Row = new Map();
      for (const [k, v] of row) next.set(k, v * a);
      for (const [k, v] of pivotRow) {
        const value = (next.get(k) ?? 0n) - v * b;
        if (value === 0n) next.delete(k);
        else next.set(k, value);
      }
      row = normalise(next);
    }
  }

  /** Adds a vector to the span; returns whether it was new (not already a combination of the others). */
  add(vector: SparseVector): boolean {
    const left = this.reduce(vector);
    if (left.size === 0) return false;
    let pivot: string | undefined;
    for (const key of left.keys()) if (pivot === undefined || this.rank(key) < this.rank(pivot)) pivot = key;
    // Eliminate the new pivot from every row that holds it, so each pivot appears in exactly one row.
    for (const [key, row] of this.rows) {
      const b = row.get(pivot!);
      if (b === undefined) continue;
      const a = left.get(pivot!)!;
      const next: Row = new Map();
      for (const [k, v] of row) next.set(k, v * a);
      for (const [k, v] of left) {
        const value = (next.get(k) ?? 0n) - v * b;
        if (value === 0n) next.delete(k);
        else next.set(k, value);
      }
      this.rows.set(key, normalise(next));
    }
    this.rows.set(pivot!, left);
    return true;
  }

  /** Whether the vector is a linear combination of what was added: its value is then determined. */
  contains(vector: SparseVector): boolean {
    return this.reduce(vector).size === 0;
  }

  get dimension(): number {
    return this.rows.size;
  }
}

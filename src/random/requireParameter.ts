/**
 * Front-end checks shared by the distribution factories (STYLE.md habit 5: validate once at the edge, keep
 * the sampler bare). Errors read `randomNormal requires a positive, finite standard deviation, got -1`.
 */
export function requireFinite(caller: string, what: string, value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`${caller} requires a finite ${what}, got ${value}`);
}

export function requirePositive(caller: string, what: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) throw new RangeError(`${caller} requires a positive, finite ${what}, got ${value}`);
}

export function requireNonNegative(caller: string, what: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 0)) throw new RangeError(`${caller} requires a non-negative, finite ${what}, got ${value}`);
}

export function requireProbability(caller: string, what: string, value: number): void {
  if (!(value >= 0 && value <= 1)) throw new RangeError(`${caller} requires ${what} in [0, 1], got ${value}`);
}

/** Front-end check shared by the model factories: `weibull requires a positive, finite shape, got -1`. */
export function requirePositiveParameter(caller: string, what: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) throw new RangeError(`${caller} requires a positive, finite ${what}, got ${value}`);
}

import { requirePositiveParameter } from "./requireModelParameter.js";

/**
 * Checks a median m plus landmark survival S(t) = s: m, t > 0, t ≠ m, 0 < s < 1, and the ordering every
 * survival curve obeys (s > 0.5 when t < m, s < 0.5 when t > m).
 */
export function requireLandmark(caller: string, median: number, time: number, survivalAtTime: number): void {
  requirePositiveParameter(caller, "median", median);
  requirePositiveParameter(caller, "landmark time", time);
  if (!(survivalAtTime > 0 && survivalAtTime < 1)) throw new RangeError(`${caller} requires a landmark survival in (0, 1), got ${survivalAtTime}`);
  if (time === median) throw new RangeError(`${caller} requires a landmark time different from the median (${median})`);
  if (time < median ? survivalAtTime <= 0.5 : survivalAtTime >= 0.5) {
    throw new RangeError(
      `${caller} requires the landmark survival to be ${time < median ? "above" : "below"} 0.5 at a time ${time < median ? "before" : "after"} the median, got S(${time}) = ${survivalAtTime} with median ${median}`,
    );
  }
}

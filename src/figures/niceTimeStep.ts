/** Candidate steps (months) for time axes and risk tables: a clinician reads months, quarters, years. */
const steps = [1, 2, 3, 6, 12, 24, 36, 60] as const;

/** The smallest round step that puts at most `maxTicks` intervals on [0, maxTime]. */
export function niceTimeStep(maxTime: number, maxTicks = 6): number {
  for (const step of steps) if (maxTime / step <= maxTicks) return step;
  return Math.ceil(maxTime / maxTicks / 60) * 60;
}

/** 0, step, 2·step, … up to the first multiple ≥ maxTime (so the axis ends on a tick). */
export function niceTimeTicks(maxTime: number, maxTicks = 6): number[] {
  const step = niceTimeStep(maxTime, maxTicks);
  const count = Math.max(1, Math.ceil(maxTime / step - 1e-9));
  return Array.from({ length: count + 1 }, (_, i) => i * step);
}

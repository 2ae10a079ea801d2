import { resolveDesign } from "./resolveDesign.js";
import { analyticPower } from "./analyticPower.js";
import { summarizePower } from "./summarizePower.js";
import type { TrialDesign } from "./TrialDesign.js";
import { runTrialsInThread, type TrialRunner } from "./TrialRunner.js";

/** One point of a power curve: simulated and Schoenfeld power for one n and one effect size. */
export interface PowerCurvePoint {
  readonly n: number;
  /** The series: e.g. "HR 0.55". */
  readonly effect: string;
  readonly hazardRatio: number;
  readonly power: number;
  readonly lower: number;
  readonly upper: number;
  readonly schoenfeldPower: number;
  readonly expectedEvents: number;
}

/**
 * Power against n, one series per effect size (the design's own first treatment arm, and the treatment arm
 * replaced by each of `hazardRatios`, proportional hazards on the control). Same seeds for every point.
 * Cost: (effects × ns) evaluations of `sims` trials; pass a smaller `sims` for a quick dashboard curve.
 */
export async function powerCurve(
  design: TrialDesign,
  options: { readonly ns: readonly number[]; readonly hazardRatios?: readonly number[]; readonly includeDesign?: boolean; readonly sims?: number },
  runner: TrialRunner = runTrialsInThread,
): Promise<PowerCurvePoint[]> {
  const base: TrialDesign = { ...design, sims: options.sims ?? design.sims };
  const variants: { label: string; design: TrialDesign }[] = [];
  if (options.includeDesign ?? true) {
    const hazardRatio = analyticPower(resolveDesign(base), base.n).comparisons[0].hazardRatio;
    variants.push({ label: `design (HR ${format(hazardRatio)})`, design: base });
  }
  for (const hazardRatio of options.hazardRatios ?? []) {
    const arms = base.arms.map((arm, index) => (index === 1 ? { ...arm, survival: { kind: "hazardRatio" as const, hazardRatio } } : arm));
    variants.push({ label: `HR ${format(hazardRatio)}`, design: { ...base, arms } });
  }
  const points: PowerCurvePoint[] = [];
  for (const variant of variants) {
    const resolved = resolveDesign(variant.design);
    for (const n of options.ns) {
      const result = summarizePower(resolved, n, await runner(variant.design, n));
      points.push({
        n,
        effect: variant.label,
        hazardRatio: result.comparisons[0].designHazardRatio,
        power: result.power,
        lower: result.lower,
        upper: result.upper,
        schoenfeldPower: result.schoenfeld.power,
        expectedEvents: result.expectedEvents,
      });
    }
  }
  return points;
}

function format(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

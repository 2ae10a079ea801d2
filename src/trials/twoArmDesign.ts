import { designDefaults } from "./parseTrialDesign.js";
import type { SequentialSpec, TestSpec, TrialDesign } from "./TrialDesign.js";

/** The common two-arm case, as the `pnen-sim power` flags and the dashboard give it. */
export interface TwoArmOptions {
  /** Median of the control arm, months (exponential unless `shape` is given). */
  readonly medianControl: number;
  /** Median of the treatment arm, months; or give `hazardRatio` instead. */
  readonly medianTreatment?: number;
  /** Hazard ratio treatment vs control (proportional hazards). */
  readonly hazardRatio?: number;
  /** Weibull shape of both arms (1 = exponential, the default). */
  readonly shape?: number;
  readonly n?: number;
  /** Treatment : control allocation ratio, e.g. 2 for 2:1 (default 1). */
  readonly allocation?: number;
  readonly accrualMonths?: number;
  readonly followUpMonths?: number;
  /** Exponential dropout rate per month (default 0). */
  readonly dropoutRate?: number;
  readonly alpha?: number;
  readonly sims?: number;
  readonly seed?: number | string;
  readonly test?: TestSpec;
  readonly labels?: readonly [string, string];
  /** Interim analyses (see `parseSequentialSpec` to build one from a JSON block); absent: one final analysis. */
  readonly sequential?: SequentialSpec;
}

/** Builds a two-arm {@link TrialDesign} (control first) with the defaults of {@link designDefaults}. */
export function twoArmDesign(options: TwoArmOptions): TrialDesign {
  const shape = options.shape ?? 1;
  const [controlLabel, treatmentLabel] = options.labels ?? ["control", "treatment"];
  if ((options.medianTreatment === undefined) === (options.hazardRatio === undefined)) throw new Error("twoArmDesign requires exactly one of medianTreatment and hazardRatio");
  return {
    scenario: null,
    arms: [
      { label: controlLabel, allocation: 1, survival: { kind: "weibull", median: options.medianControl, shape } },
      {
        label: treatmentLabel,
        allocation: options.allocation ?? 1,
        survival: options.hazardRatio !== undefined ? { kind: "hazardRatio", hazardRatio: options.hazardRatio } : { kind: "weibull", median: options.medianTreatment as number, shape },
      },
    ],
    n: options.n ?? designDefaults.n,
    accrual: { kind: "duration", months: options.accrualMonths ?? designDefaults.accrualMonths, rampMonths: 0 },
    followUpMonths: options.followUpMonths ?? designDefaults.followUpMonths,
    targetEvents: null,
    dropout: { ratePerMonth: options.dropoutRate ?? 0 },
    strata: [],
    test: options.test ?? { kind: "logrank" },
    alpha: options.alpha ?? designDefaults.alpha,
    multiplicity: designDefaults.multiplicity,
    sims: options.sims ?? designDefaults.sims,
    seed: options.seed ?? designDefaults.seed,
    ...(options.sequential === undefined ? {} : { sequential: options.sequential }),
  };
}

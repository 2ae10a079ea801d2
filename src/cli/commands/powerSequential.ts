import type { SequentialSurvivalPlan } from "../../trials/sequentialSurvivalPlan.js";
import type { SequentialSimulation, SimulatedEstimate } from "../../trials/simulateSequential.js";
import { parseSequentialSpec } from "../../trials/parseTrialDesign.js";
import type { SequentialSpec, TrialDesign } from "../../trials/TrialDesign.js";
import { InputError } from "../../util/InputError.js";

/**
 * The group-sequential part of `pnen-sim power`: its flags, the `sequential` block they build or change,
 * and the JSON and text it prints. The statistics are in src/trials (planSequential, simulateSequential).
 */

/** Flags of the sequential block (added to `pnen-sim power`'s own). */
export const sequentialFlagOptions = {
  looks: { type: "string" },
  spending: { type: "string" },
  gamma: { type: "string" },
  classical: { type: "boolean" },
  sided: { type: "string" },
  futility: { type: "string" },
  "futility-gamma": { type: "string" },
  "futility-z": { type: "string" },
  "boundary-figure": { type: "string" },
} as const;

export const sequentialHelp = `Group-sequential design (interim analyses; or a "sequential" block in --design):
  --looks 0.5,0.75,1       analyses at these shares of the maximum events (the last 1); [1] alone is one look
  --spending S             obf (default) | pocock | hsd: Lan-DeMets alpha spending of that type
  --gamma G                Hwang-Shih-DeCani gamma for --spending hsd (default -4)
  --classical              classical O'Brien-Fleming or Pocock bounds instead of the spending function
  --sided 1|2              1 (default): efficacy for benefit only, one-sided at alpha/2; 2: two-sided alpha
  --futility F             none (default) | obf | pocock | hsd: non-binding beta-spending futility bounds
                           (beta = 1 - target power, 0.2 without one); one-sided designs only
  --futility-gamma G       gamma of --futility hsd (default -4)
  --futility-z Z1,Z2,...   non-binding futility bounds on the z scale instead, one per interim analysis
  --target-power P         also sizes the sequential plan: maximum events and patients for power P
                           (rpact's getSampleSizeSurvival); without it, the power of this n (getPowerSurvival)
  --boundary-figure FILE   write the stopping bounds (z and hazard-ratio scales against information) as
                           FILE.vl.json, FILE.svg, FILE.png and FILE.pdf
  The plan is computed as R's rpact 3.3.4 does (recursive numerical integration; bounds, events, patients
  agree to 1e-6), then --sims group-sequential trials are simulated at the plan's patients and events
  (looks at the calendar month of the k-th event, stopping at the first bound crossed) and compared with it.`;

type Values = Partial<Record<keyof typeof sequentialFlagOptions | "target-power", string | boolean>>;

/** Which block field each flag sets (to name the flag in a problem). */
const flagOfField: Record<string, string> = {
  analyses: "--looks",
  spending: "--spending",
  gamma: "--gamma",
  classical: "--classical",
  sided: "--sided",
  futility: "--futility",
  "futility.spending": "--futility",
  "futility.gamma": "--futility-gamma",
  "futility.z": "--futility-z",
  targetPower: "--target-power",
};

/**
 * The design with its `sequential` block built from, or changed by, the flags. Flags without --looks and
 * without a block in the design are refused (they would do nothing). Problems name the flag or the field.
 */
export function applySequentialFlags(design: TrialDesign, values: Values): TrialDesign {
  const given = (Object.keys(sequentialFlagOptions) as (keyof typeof sequentialFlagOptions)[]).filter((name) => name !== "boundary-figure" && values[name] !== undefined);
  const block = design.sequential ?? null;
  if (block === null && given.length === 0) {
    if (values["boundary-figure"] !== undefined) throw new InputError("pnen-sim power: --boundary-figure needs a group-sequential design: give --looks (or a sequential block in --design)");
    return design;
  }
  if (block === null && values.looks === undefined) throw new InputError(`pnen-sim power: --${given[0]} needs --looks (or a sequential block in --design)`);
  const json: Record<string, unknown> = block === null ? {} : blockJson(block);
  const fromFlags = new Set<string>();
  const set = (field: string, value: unknown) => {
    json[field] = value;
    fromFlags.add(field);
  };
  if (values.looks !== undefined) set("analyses", numberList("looks", values.looks as string));
  if (values.spending !== undefined) {
    set("spending", values.spending);
    // A gamma from the file belongs to its spending function.
    if (values.gamma === undefined && values.spending !== "hsd") delete json.gamma;
  }
  if (values.gamma !== undefined) set("gamma", numberValue("gamma", values.gamma as string));
  if (values.classical !== undefined) set("classical", values.classical === true);
  if (values.sided !== undefined) {
    const text = String(values.sided);
    set("sided", text.trim() !== "" && Number.isFinite(Number(text)) ? Number(text) : text);
  }
  if (values.futility !== undefined || values["futility-z"] !== undefined || values["futility-gamma"] !== undefined) {
    if (values["futility-z"] !== undefined && values.futility !== undefined) throw new InputError("pnen-sim power: give --futility or --futility-z, not both");
    if (values["futility-z"] !== undefined) set("futility", { z: numberList("futility-z", values["futility-z"] as string) });
    else if (values.futility === "none") {
      if (values["futility-gamma"] !== undefined) throw new InputError("pnen-sim power: --futility-gamma needs --futility hsd");
      set("futility", null);
    } else {
      const previous = (json.futility ?? {}) as Record<string, unknown>;
      const spending = values.futility ?? previous.spending;
      if (spending === undefined) throw new InputError("pnen-sim power: --futility-gamma needs --futility hsd");
      const futility: Record<string, unknown> = { spending };
      if (values["futility-gamma"] !== undefined) futility.gamma = numberValue("futility-gamma", values["futility-gamma"] as string);
      else if (previous.gamma !== undefined && spending === "hsd" && previous.spending === "hsd") futility.gamma = previous.gamma;
      set("futility", futility);
    }
  }
  if (values["target-power"] !== undefined) set("targetPower", Number(values["target-power"]));
  let sequential: SequentialSpec;
  try {
    sequential = parseSequentialSpec(json, "pnen-sim power");
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    // Name the flag where a flag gave the value.
    const problems = error.problems.map((problem) => {
      const field = /^sequential\.([\w.]+)/.exec(problem)?.[1];
      if (field === undefined) return problem;
      const top = field.split(".")[0];
      return fromFlags.has(top) ? `${flagOfField[field] ?? flagOfField[top]} (${problem.split(":")[0]}):${problem.slice(problem.indexOf(":") + 1)}` : problem;
    });
    throw new InputError(error.message.split("\n")[0], problems);
  }
  if (design.arms.length !== 2) throw new InputError(`pnen-sim power: a group-sequential design compares two arms, got ${design.arms.length}`);
  if (design.test.kind === "rmst") throw new InputError("pnen-sim power: the group-sequential bounds are for the log-rank or Cox statistic (information = events); --test rmst cannot be used with --looks");
  return { ...design, sequential };
}

/** A parsed block back in its JSON form (so flags can change single fields and it is validated again). */
function blockJson(block: SequentialSpec): Record<string, unknown> {
  const json: Record<string, unknown> = { analyses: [...block.informationRates], spending: block.spending, classical: block.classical, sided: block.sided, targetPower: block.targetPower };
  if (block.spending === "hsd") json.gamma = block.gamma;
  if (block.futility !== null) json.futility = block.futility.kind === "z" ? { z: [...block.futility.z] } : { spending: block.futility.spending, ...(block.futility.spending === "hsd" ? { gamma: block.futility.gamma } : {}) };
  return json;
}

function numberList(name: string, text: string): number[] {
  const parts = text.split(",").map((part) => part.trim());
  const numbers = parts.map(Number);
  if (parts.some((part) => part === "") || !numbers.every(Number.isFinite)) throw new InputError(`pnen-sim power: --${name}: expected numbers separated by commas (e.g. 0.5,0.75,1), got '${text}'`);
  return numbers;
}

function numberValue(name: string, text: string): number {
  const number = Number(text);
  if (text.trim() === "" || !Number.isFinite(number)) throw new InputError(`pnen-sim power: --${name}: expected a number, got '${text}'`);
  return number;
}

/** The `sequential` object of `pnen-sim power --json`: the issue's keys first, then the detail and the simulation. */
export function sequentialJson(plan: SequentialSurvivalPlan, simulation: SequentialSimulation): unknown {
  const { design, looks } = plan;
  const spec = design.spec;
  const interim = looks.slice(0, -1);
  const estimate = (e: SimulatedEstimate) => ({ simulated: e.simulated, analytic: e.analytic, standardError: e.standardError, z: e.z });
  return {
    informationRates: design.informationRates,
    efficacy: {
      z: design.criticalValues,
      p: design.stageLevels,
      hr: looks.map((look) => look.efficacyHazardRatio),
      ...(spec.sided === 2 ? { hrOtherSide: looks.map((look) => look.harmHazardRatio) } : {}),
      alphaSpent: design.alphaSpent,
    },
    futility:
      design.futilityBounds === null
        ? null
        : { z: design.futilityBounds, hr: interim.map((look) => look.futilityHazardRatio), ...(design.betaSpent === null ? {} : { betaSpent: design.betaSpent }) },
    maxEvents: plan.maxEvents,
    maxN: plan.maxN,
    expectedEvents: plan.expectedEvents,
    rejectionProbabilities: plan.alternative.cumulativeRejection,
    mode: plan.mode,
    power: plan.power,
    design: {
      sided: spec.sided,
      alpha: spec.alpha,
      beta: spec.beta,
      efficacy: spec.efficacy,
      futility: spec.futility,
    },
    hazardRatio: plan.hazardRatio,
    proportionalHazards: plan.proportionalHazards,
    allocationRatio: plan.allocationRatio,
    fixedEvents: Number.isNaN(plan.fixedEvents) ? null : plan.fixedEvents,
    inflationFactor: Number.isNaN(plan.inflationFactor) ? null : plan.inflationFactor,
    accrualMonths: plan.accrualMonths,
    eventProbability: plan.eventProbability,
    eventsPerLook: looks.map((look) => look.events),
    analysisTimes: { h1: looks.map((look) => look.analysisTime), h0: looks.map((look) => look.analysisTimeH0) },
    patientsPerLook: looks.map((look) => look.patients),
    rejectionPerLook: plan.alternative.rejection,
    futilityPerLook: plan.alternative.futility,
    stoppingPerLook: { h1: plan.alternative.stopping, h0: plan.null.stopping },
    rejectionProbabilitiesH0: plan.null.cumulativeRejection,
    expectedDuration: plan.expectedDuration,
    expectedN: plan.expectedN,
    simulated: {
      sims: simulation.sims,
      seed: simulation.seed,
      n: simulation.n,
      events: simulation.looks.map((look) => look.events),
      informationRates: simulation.looks.map((look) => look.informationRate),
      efficacyZ: simulation.looks.map((look) => look.efficacyZ),
      futilityZ: simulation.looks.map((look) => look.futilityZ),
      rejectionPerLook: simulation.looks.map((look) => estimate(look.rejection)),
      rejectionProbabilities: simulation.looks.map((look) => estimate(look.cumulativeRejection)),
      futilityPerLook: simulation.looks.map((look) => estimate(look.futility)),
      reached: simulation.looks.map((look) => look.reached),
      meanTime: simulation.looks.map((look) => look.meanTime),
      analyticTime: simulation.looks.map((look) => look.analyticTime),
      hazardRatioAtEfficacyStop: simulation.looks.map((look) => look.hazardRatioAtEfficacyStop),
      power: { ...estimate(simulation.power), lower: simulation.power.lower, upper: simulation.power.upper },
      earlyStopping: { efficacy: estimate(simulation.earlyStopping.efficacy), futility: estimate(simulation.earlyStopping.futility), any: estimate(simulation.earlyStopping.any) },
      expectedEvents: simulation.expectedEvents,
      expectedDuration: simulation.expectedDuration,
      stoppingTime: simulation.stoppingTime,
      hazardRatioAtStop: simulation.hazardRatioAtStop,
      shortfall: simulation.shortfall,
      maxAbsZ: simulation.maxAbsZ,
      agrees: simulation.agrees,
      notes: simulation.notes,
    },
  };
}

/** The group-sequential section of `pnen-sim power`'s text report. */
export function sequentialText(plan: SequentialSurvivalPlan, simulation: SequentialSimulation): string[] {
  const { design, looks } = plan;
  const spec = design.spec;
  const percent = (value: number, digits = 1) => `${(100 * value).toFixed(digits)}%`;
  const fixed = (value: number | null, digits: number) => (value === null || !Number.isFinite(value) ? "—" : value.toFixed(digits));
  const spendingName = { obf: "O'Brien-Fleming", pocock: "Pocock", hsd: "Hwang-Shih-DeCani" } as const;
  const efficacy = spec.efficacy.kind === "classical" ? `classical ${spendingName[spec.efficacy.shape]} bounds` : `${spendingName[spec.efficacy.family]}-type alpha spending${spec.efficacy.family === "hsd" ? ` (gamma ${spec.efficacy.gamma})` : ""}`;
  const futility =
    spec.futility === null
      ? "no futility bound"
      : spec.futility.kind === "z"
        ? `non-binding futility bounds z = ${spec.futility.bounds.join(", ")}`
        : `non-binding futility by ${spendingName[spec.futility.family]}-type beta spending${spec.futility.family === "hsd" ? ` (gamma ${spec.futility.gamma})` : ""}, beta ${fixed(spec.beta, 2)}`;
  const lines: string[] = [];
  lines.push(`Group-sequential design: ${looks.length} analyses at ${design.informationRates.map((t) => percent(t, 0)).join(", ")} of the events; ${efficacy}, ${spec.sided === 1 ? `one-sided alpha ${spec.alpha}` : `two-sided alpha ${spec.alpha}`}; ${futility}`);
  const hr = `HR ${fixed(plan.hazardRatio, 3)}${plan.proportionalHazards ? "" : ", the event-weighted average: hazards not proportional"}`;
  if (plan.mode === "sample-size") {
    lines.push(`Sized for ${percent(1 - spec.beta)} power (${hr}): ${fixed(plan.maxEvents, 1)} events, ${fixed(plan.maxN, 1)} patients (${fixed(plan.fixedEvents, 1)} events without interim analyses; inflation factor ${fixed(plan.inflationFactor, 4)})`);
  } else {
    lines.push(`Power of ${fixed(plan.maxN, 0)} patients and ${fixed(plan.maxEvents, 1)} events (${hr}): ${percent(plan.power)}`);
  }
  lines.push("");
  lines.push("  look  info   events  month  patients  efficacy z  nominal p   HR at bound  futility z  HR at bound  alpha spent  P(reject by)  P(futility)");
  for (const look of looks) {
    lines.push(
      `  ${String(looks.indexOf(look) + 1).padEnd(4)}  ${percent(look.informationRate, 0).padStart(4)}  ${fixed(look.events, 1).padStart(6)}  ${fixed(look.analysisTime, 1).padStart(5)}  ${fixed(look.patients, 1).padStart(8)}  ${fixed(look.efficacyZ, 3).padStart(10)}  ${fixed(look.efficacyP, 5).padStart(9)}  ${fixed(look.efficacyHazardRatio, 3).padStart(11)}  ${fixed(look.futilityZ, 3).padStart(10)}  ${fixed(look.futilityHazardRatio, 3).padStart(11)}  ${fixed(look.alphaSpent, 5).padStart(11)}  ${percent(look.cumulativeRejection).padStart(12)}  ${percent(look.futility).padStart(11)}`,
    );
  }
  lines.push(
    `  expected events ${fixed(plan.expectedEvents.h1, 1)} under H1 (${fixed(plan.expectedEvents.h0, 1)} under H0); expected duration ${fixed(plan.expectedDuration.h1, 1)} months (${fixed(plan.expectedDuration.h0, 1)}); expected patients ${fixed(plan.expectedN.h1, 1)} (${fixed(plan.expectedN.h0, 1)})`,
  );
  lines.push("");
  lines.push(`Simulated: ${simulation.sims} group-sequential trials of ${simulation.n} patients, analyses at ${simulation.looks.map((look) => look.events).join(", ")} events (bounds at these information rates; seed ${simulation.seed})`);
  lines.push("  look  reached  P(reject here) sim ± SE   analytic   P(futility here) sim   analytic   month of the look (analytic)   HR at efficacy stop, median");
  for (const look of simulation.looks) {
    lines.push(
      `  ${String(look.look).padEnd(4)}  ${percent(look.reached).padStart(7)}  ${`${percent(look.rejection.simulated)} ± ${percent(look.rejection.standardError)}`.padStart(19)}  ${percent(look.rejection.analytic).padStart(9)}  ${percent(look.futility.simulated).padStart(20)}  ${percent(look.futility.analytic).padStart(9)}  ${`${fixed(look.meanTime, 1)} (${fixed(look.analyticTime, 1)})`.padStart(29)}  ${fixed(look.hazardRatioAtEfficacyStop.q50, 3).padStart(27)}`,
    );
  }
  const early = simulation.earlyStopping;
  lines.push(`  power ${percent(simulation.power.simulated)} (95% Wilson ${percent(simulation.power.lower)}–${percent(simulation.power.upper)}), analytic ${percent(simulation.power.analytic)}; early stop ${percent(early.any.simulated)} (analytic ${percent(early.any.analytic)}): efficacy ${percent(early.efficacy.simulated)}, futility ${percent(early.futility.simulated)}`);
  lines.push(`  events at the stop ${fixed(simulation.expectedEvents.simulated, 1)} (analytic ${fixed(simulation.expectedEvents.analytic, 1)}); month of the stop ${fixed(simulation.expectedDuration.simulated, 1)} (analytic ${fixed(simulation.expectedDuration.analytic, 1)}; 95% of trials ${fixed(simulation.stoppingTime.q025, 1)}–${fixed(simulation.stoppingTime.q975, 1)}); HR at the stop median ${fixed(simulation.hazardRatioAtStop.q50, 3)}`);
  lines.push(`  agreement: largest |simulated − analytic| ${fixed(simulation.maxAbsZ, 1)} Monte Carlo SEs${simulation.agrees ? " (within 3)" : " (more than 3: see the notes)"}`);
  for (const note of simulation.notes) lines.push(`Note: ${note}`);
  return lines;
}

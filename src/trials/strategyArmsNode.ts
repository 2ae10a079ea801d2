import { simulate } from "../simulate/simulate.js";
import { loadScenarioNode } from "../simulate/loadScenarioNode.js";
import { loadSimulationContextNode } from "../simulate/loadSimulationContextNode.js";
import { InputError } from "../util/InputError.js";
import { empiricalArmSpec } from "./empiricalArmSpec.js";
import type { TrialDesign } from "./TrialDesign.js";

/**
 * Turns the design's `strategy` arms into `empirical` arms by running the simulation engine:
 *
 *   scenario (design.scenario, default "default") with the arms' strategies and no censoring
 *   → simulate(…) on `patients` synthetic patients (rules → pathway → PFS/OS)
 *   → per strategy: Kaplan–Meier of the chosen endpoint → empirical arm
 *
 * The same synthetic patients go through every strategy (the engine's common random numbers). The trial then
 * samples its patients' times from these curves, so each arm is the strategy's mixture of pathways and
 * hazards are in general not proportional. Node only (reads data/); cost: one engine run, about
 * 1 µs per patient per strategy plus the engine's calibration.
 */
export function resolveStrategyArmsNode(design: TrialDesign, options: { readonly cwd: string; readonly patients?: number; readonly dataDirectory?: string }): TrialDesign {
  const strategyArms = design.arms.filter((arm) => arm.survival.kind === "strategy");
  if (strategyArms.length === 0) return design;
  const { context, strategies } = loadSimulationContextNode(options.dataDirectory);
  const known = strategies.map((s) => s.id);
  const wanted = [...new Set(strategyArms.map((arm) => (arm.survival.kind === "strategy" ? arm.survival.strategy : "")))];
  const unknown = wanted.filter((id) => !known.includes(id));
  if (unknown.length > 0) throw new InputError(`trial design: unknown strateg${unknown.length === 1 ? "y" : "ies"} ${unknown.map((id) => `'${id}'`).join(", ")}; known: ${known.join(", ")}`);
  const { scenario } = loadDesignScenario(design.scenario ?? "default", options.cwd, known);
  const uncensored = { ...scenario, strategies: wanted, referenceStrategy: wanted[0], followUp: { ...scenario.followUp, accrualMonths: 0, additionalFollowUpMonths: undefined, lossToFollowUpPerYear: 0 } } as typeof scenario;
  const result = simulate(uncensored, strategies, { n: options.patients ?? 20_000 }, context);
  const arms = design.arms.map((arm) => {
    if (arm.survival.kind !== "strategy") return arm;
    const index = result.strategies.indexOf(arm.survival.strategy);
    const columns = result.outcomes[index];
    const endpoint = arm.survival.endpoint;
    const source = `strategy ${arm.survival.strategy}, ${endpoint.toUpperCase()}, scenario ${scenario.name}, ${result.n} simulated patients (seed ${result.seed})`;
    return { ...arm, survival: empiricalArmSpec(endpoint === "pfs" ? columns.pfsMonths : columns.osMonths, endpoint === "pfs" ? columns.pfsEvent : columns.osEvent, source) };
  });
  return { ...design, arms };
}

/** The design's scenario; an error in it names the design's `scenario` field first (the file may be any file). */
function loadDesignScenario(nameOrFile: string, cwd: string, known: readonly string[]): ReturnType<typeof loadScenarioNode> {
  try {
    return loadScenarioNode(nameOrFile, cwd, known);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const [first, ...rest] = error.message.split("\n");
    throw new InputError(`trial design: scenario: the scenario it names cannot be used: ${first}`, rest.map((line) => line.replace(/^ {2}- /, "")));
  }
}

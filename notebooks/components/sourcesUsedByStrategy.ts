import { treatmentOutcomeSources } from "../engine/simulate/index.js";
import type { Project } from "./parseBundle.js";
import { changeScenario, runScenario } from "./runScenario.js";

/**
 * Which evidence figures and assumptions each strategy's outcomes rest on: the treatments that occur in the
 * pathways the strategy gives `n` patients of the project's default scenario, mapped to the ids of their
 * outcome numbers (`treatmentOutcomeSources` of src/simulate). Returns id → names of the strategies using it.
 * Bookkeeping only; one small simulation of every strategy.
 */
export function sourcesUsedByStrategy(project: Project, n = 2000): Map<string, string[]> {
  const base = project.scenarios[0];
  const use = new Map<string, string[]>();
  if (base === undefined) return use;
  const ids = project.strategies.map((s) => s.id);
  const result = runScenario(project, changeScenario(base, { n, strategies: ids }));
  result.outcomes.forEach((columns, s) => {
    const seen = new Set<number>(columns.pathway);
    const treatments = new Set<string>();
    for (const code of seen) for (const step of result.pathwayLabels[code]!.split(/[>+]/)) treatments.add(step);
    const sources = new Set<string>();
    for (const treatment of treatments) {
      const source = treatmentOutcomeSources[treatment];
      if (source === undefined) continue;
      sources.add(source.pfsMedian);
      if (source.osMedian !== undefined) sources.add(source.osMedian);
    }
    const name = project.strategies.find((x) => x.id === result.strategies[s])?.name ?? result.strategies[s]!;
    for (const id of sources) use.set(id, [...(use.get(id) ?? []), name]);
  });
  return use;
}

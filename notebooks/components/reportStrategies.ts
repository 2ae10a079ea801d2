import type { ReportStrategy } from "../engine/report/index.js";
import type { SimulationResult } from "../engine/simulate/index.js";

/**
 * The strategies of a simulation in the shape the report's builders take (src/report `ReportStrategy`), so the
 * dashboards draw the report's own composition figures (`firstLineCompositionRows`, `lineFlowRows`). No copy:
 * the columns are the simulation's.
 */
export function reportStrategies(result: SimulationResult, strategyName: (id: string) => string): ReportStrategy[] {
  return result.strategies.map((id, s) => {
    const columns = result.outcomes[s]!;
    return {
      id,
      label: strategyName(id),
      pfs: { time: columns.pfsMonths, event: columns.pfsEvent },
      os: { time: columns.osMonths, event: columns.osEvent },
      pathway: columns.pathway,
      pathwayLabels: result.pathwayLabels,
    };
  });
}

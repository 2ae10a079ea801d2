import type { TopLevelSpec } from "vega-lite";
import { figureConfig, fontSizes } from "./figureTheme.js";
import { pointsFromMm, widthMm, type FigureWidth } from "./journalSize.js";
import { seriesColour, seriesDash } from "./palette.js";

/** One look of a group-sequential design, as the boundary figure draws it (structurally the trials planner's `SurvivalLook`). */
export interface SequentialBoundaryLook {
  readonly informationRate: number;
  readonly events: number;
  /** Efficacy bound on the z scale (positive favours treatment) and on the hazard-ratio scale. */
  readonly efficacyZ: number;
  readonly efficacyHazardRatio: number;
  /** Two-sided designs: the bound for the other direction on the hazard-ratio scale (the z bound is −efficacyZ); null otherwise. */
  readonly harmHazardRatio: number | null;
  readonly futilityZ: number | null;
  readonly futilityHazardRatio: number | null;
}

export interface SequentialBoundaryOptions {
  /** The hazard ratio the trial is planned for: a reference line on the hazard-ratio panel. */
  readonly designHazardRatio?: number;
  readonly title?: string;
  /** Physical width of the two panels together (default double column, 183 mm). */
  readonly width?: FigureWidth;
  readonly height?: number;
}

const series = ["Efficacy", "Futility (non-binding)", "Other side (two-sided)"] as const;

/**
 * The stopping bounds of a group-sequential design as a self-contained Vega-Lite spec (data inline): two
 * panels against the information rate (share of the maximum events; the tooltip gives the events), the
 * bounds on the z scale (left) and on the hazard-ratio scale (right, the estimated hazard ratio at which a
 * bound is crossed, with the planned hazard ratio and 1 as reference lines).
 *
 *   z                                   HR
 *   │ ●─── efficacy (reject above)       │ ●─── efficacy (reject below)
 *   │  ╲___●____●                        │        ●____●      ─ ─ planned HR
 *   │ ●- - futility (stop below)         │ ●- - futility (stop above)
 *   └── information (share of events)    └── information
 *
 * Okabe–Ito colours with a dash pattern per bound (greyscale-safe); sizes in points (journalSize.ts). Pure:
 * the dashboards render the same spec with vega-embed. Runs in O(looks).
 */
export function sequentialBoundarySpec(looks: readonly SequentialBoundaryLook[], options: SequentialBoundaryOptions = {}): TopLevelSpec {
  if (looks.length === 0) throw new Error("sequentialBoundarySpec requires at least one look");
  const millimetres = widthMm(options.width ?? "double");
  const totalWidth = pointsFromMm(millimetres);
  const panelWidth = Math.round((totalWidth - 110) / 2);
  const panelHeight = options.height ?? Math.round(panelWidth * 0.75);
  const values: Record<string, unknown>[] = [];
  for (const look of looks) {
    const events = Math.round(look.events * 10) / 10;
    const common = { informationRate: look.informationRate, events, eventsLabel: `${events} events` };
    values.push({ ...common, bound: series[0], z: look.efficacyZ, hazardRatio: look.efficacyHazardRatio });
    if (look.futilityZ !== null && look.futilityHazardRatio !== null) values.push({ ...common, bound: series[1], z: look.futilityZ, hazardRatio: look.futilityHazardRatio });
    if (look.harmHazardRatio !== null) values.push({ ...common, bound: series[2], z: -look.efficacyZ, hazardRatio: look.harmHazardRatio });
  }
  const present = series.filter((name) => values.some((value) => value.bound === name));
  const colour = { field: "bound", type: "nominal", title: "Bound", scale: { domain: present, range: present.map((name) => seriesColour(series.indexOf(name))) }, legend: { orient: "bottom", direction: "horizontal", symbolType: "stroke", symbolSize: 120, symbolOpacity: 1 } } as const;
  const dash = { field: "bound", type: "nominal", title: "Bound", scale: { domain: present, range: present.map((name) => seriesDash(series.indexOf(name))) } } as const;
  const x = { field: "informationRate", type: "quantitative", title: "Information (share of the maximum events)", scale: { domain: [0, 1] }, axis: { format: ".0%", values: [0, 0.25, 0.5, 0.75, 1] } } as const;
  const tooltip = [{ field: "bound" }, { field: "informationRate", format: ".0%", title: "information" }, { field: "events" }, { field: "z", format: ".3f" }, { field: "hazardRatio", format: ".3f", title: "hazard ratio" }];
  const boundLayer = (field: "z" | "hazardRatio", title: string) => ({
    mark: { type: "line", strokeWidth: 1.25, point: { filled: true, size: 16 } },
    encoding: { x, y: { field, type: "quantitative", title, scale: { zero: false, nice: true } }, color: colour, strokeDash: dash, tooltip },
  });
  const rule = (value: number, stroke: string, width: number, dashes: number[]) => ({ data: { values: [{ value }] }, mark: { type: "rule", stroke, strokeWidth: width, strokeDash: dashes }, encoding: { y: { field: "value", type: "quantitative" } } });
  // The events of each look, below and left of its efficacy bound (clear of the falling line).
  const eventLabels = {
    transform: [{ filter: `datum.bound === '${series[0]}'` }],
    mark: { type: "text", align: "right", dx: -4, dy: 9, fontSize: fontSizes.label, color: "#000000" },
    encoding: { x, y: { field: "z", type: "quantitative" }, text: { field: "eventsLabel" } },
  };
  const zPanel = { width: panelWidth, height: panelHeight, title: { text: "z scale (standardised log-rank statistic)", fontSize: fontSizes.title, fontWeight: "normal" }, layer: [rule(0, "#999999", 0.5, []), boundLayer("z", "Bound on z"), eventLabels] };
  const hazardLayers: unknown[] = [rule(1, "#999999", 0.5, [])];
  if (options.designHazardRatio !== undefined) hazardLayers.push(rule(options.designHazardRatio, "#666666", 0.75, [2, 2]));
  hazardLayers.push(boundLayer("hazardRatio", "Hazard ratio at the bound"));
  const hazardPanel = { width: panelWidth, height: panelHeight, title: { text: "Hazard-ratio scale (estimated hazard ratio at the bound)", fontSize: fontSizes.title, fontWeight: "normal" }, layer: hazardLayers };
  // The key in the figure itself: a figure copied into a proposal loses its caption.
  const key = [
    `Stop and reject H0 when z is at or above the efficacy bound (the estimated hazard ratio beyond it)${present.includes(series[1]) ? "; stop for futility when z is below the futility bound" : ""}`,
    options.designHazardRatio !== undefined ? `Grey dashed line: the planned hazard ratio ${Math.round(options.designHazardRatio * 1000) / 1000}` : "",
  ].filter(Boolean);
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: options.title ?? "Group-sequential stopping bounds", subtitle: key, subtitleFontSize: fontSizes.label, subtitleColor: "#000000", subtitlePadding: 2 },
    config: figureConfig(),
    usermeta: { pnenSim: { figure: "sequentialBoundaries", widthMm: millimetres } },
    data: { values },
    hconcat: [zPanel, hazardPanel],
    resolve: { scale: { color: "shared", strokeDash: "shared", y: "independent" } },
  } as TopLevelSpec;
}

import type { TopLevelSpec } from "vega-lite";
import type { KaplanMeierResult } from "../analysis/KaplanMeierResult.js";
import { figureConfig, fontSizes } from "./figureTheme.js";
import { pointsFromMm, widthMm, type FigureWidth } from "./journalSize.js";
import { kmCensorRows, kmStepRows } from "./kmStepRows.js";
import { niceTimeTicks } from "./niceTimeStep.js";
import { okabeIto, seriesColour, seriesDash } from "./palette.js";

/** One fitted survival curve of one group, sampled at increasing times (a plain table, not a model). */
export interface FittedCurveInput {
  /** Legend label of the fit, e.g. "Weibull (AIC 2303.3)"; the same label in every group. */
  readonly label: string;
  readonly group: string;
  readonly time: readonly number[];
  readonly survival: readonly number[];
}

export interface ParametricFitFigureOptions {
  /** Right end of the time axis (extrapolation horizon); default the longest follow-up, rounded up to a tick. */
  readonly maxTime?: number;
  /** Axis title for time, e.g. "Months"; default "Time". */
  readonly timeTitle?: string;
  readonly title?: string;
  /** Physical width; default single column (89 mm) for one group, double (183 mm) for more. */
  readonly width?: FigureWidth;
}

/**
 * The Kaplan–Meier curve of each group with every fitted parametric curve over it, as a self-contained
 * Vega-Lite spec (data inline): one panel per group (two per row), the Kaplan–Meier estimate as a black step
 * line with censoring ticks, each family as a smooth line with its own Okabe–Ito colour and dash pattern (the
 * legend, shared by the panels, names the families — in AIC order when the caller passes them so), drawn past
 * the end of follow-up up to `maxTime` to show how the fits extrapolate; a dotted rule marks the end of
 * follow-up.
 *
 *   ┌ group A ─────────────────┐ ┌ group B ─────────────────┐   legend: Kaplan–Meier (black steps),
 *   │ ▔▔▔╲___  KM steps         │ │                          │   Weibull, Gompertz, … (colour + dash)
 *   │      ╲~~~~ fitted curves  │ │                          │
 *   └──────────┊── time ───────┘ └──────────────────────────┘
 *
 * Pure: the dashboards can render it with vega-embed. Runs in O(table rows + fitted points).
 */
export function parametricFitSpec(kaplanMeier: readonly { readonly group: string; readonly km: KaplanMeierResult }[], fitted: readonly FittedCurveInput[], options: ParametricFitFigureOptions = {}): TopLevelSpec {
  if (kaplanMeier.length === 0) throw new Error("parametricFitSpec requires at least one Kaplan-Meier curve");
  const groups = kaplanMeier.map((c) => c.group);
  if (new Set(groups).size !== groups.length) throw new Error(`parametricFitSpec requires distinct groups, got ${groups.join(", ")}`);
  for (const curve of fitted) {
    if (!groups.includes(curve.group)) throw new Error(`parametricFitSpec: fitted curve '${curve.label}' is for group '${curve.group}', which has no Kaplan-Meier curve`);
    if (curve.time.length !== curve.survival.length) throw new Error(`parametricFitSpec: fitted curve '${curve.label}' (${curve.group}) has ${curve.time.length} times and ${curve.survival.length} survival values`);
  }
  const labels = [...new Set(fitted.map((c) => c.label))];
  const followUp = Math.max(0, ...kaplanMeier.map((c) => (c.km.time.length > 0 ? c.km.time[c.km.time.length - 1]! : 0)));
  const ticks = niceTimeTicks(options.maxTime ?? followUp);
  const maxTime = options.maxTime ?? Math.max(ticks[ticks.length - 1] ?? 1, 1);
  const millimetres = widthMm(options.width ?? (groups.length > 1 ? "double" : "single"));
  const columns = Math.min(2, groups.length);
  const totalWidth = pointsFromMm(millimetres);
  const panelWidth = Math.floor((totalWidth - 8 - 44 * columns - 10 * (columns - 1)) / columns);
  const panelHeight = Math.round(panelWidth * 0.7);

  const kmLabel = "Kaplan–Meier";
  const domain = [kmLabel, ...labels];
  const colours = [okabeIto.black, ...labels.map((_, i) => seriesColour(i === 6 ? 7 : i))]; // black is the KM's
  const dashes = [[], ...labels.map((_, i) => (i === 0 ? [4, 2] : seriesDash(i)))];
  const steps = kaplanMeier.flatMap((c) => kmStepRows(kmLabel, c.km, 1500, maxTime).map((row) => ({ group: c.group, series: row.series, time: row.time, survival: row.survival })));
  const censorings = kaplanMeier.flatMap((c) => kmCensorRows(kmLabel, c.km, undefined, 120, maxTime).map((row) => ({ group: c.group, time: row.time, survival: row.survival })));
  const curves = fitted.flatMap((c) =>
    c.time.flatMap((time, i) => (time <= maxTime && Number.isFinite(c.survival[i]!) ? [{ group: c.group, series: c.label, time: round(time), survival: Math.round(c.survival[i]! * 1e5) / 1e5 }] : [])),
  );
  const x = { field: "time", type: "quantitative", title: options.timeTitle ?? "Time", scale: { domain: [0, maxTime], nice: false, zero: true }, axis: { values: ticks.filter((t) => t <= maxTime), format: "d" } } as const;
  const y = { field: "survival", type: "quantitative", title: "Survival probability", scale: { domain: [0, 1], nice: false }, axis: { values: [0, 0.2, 0.4, 0.6, 0.8, 1], format: ".1f" } } as const;
  const legend = { orient: "bottom", direction: "horizontal", columns: Math.min(domain.length, columns === 1 ? 2 : 4), symbolType: "stroke", symbolStrokeWidth: 1.5, labelLimit: Math.round(columns === 1 ? Math.max(120, panelWidth / 2) : 160), title: null } as const;
  const color = { field: "series", type: "nominal", scale: { domain, range: colours }, legend } as const;
  const strokeDash = { field: "series", type: "nominal", scale: { domain, range: dashes }, legend } as const;

  const panel = (group: string) => ({
    width: panelWidth,
    height: panelHeight,
    title: { text: groups.length > 1 ? group : (options.title ?? ""), fontSize: fontSizes.title, anchor: "start" as const, offset: 4 },
    layer: [
      {
        data: { name: "curves" },
        transform: [{ filter: { field: "group", equal: group } }],
        mark: { type: "line" as const, strokeWidth: 1.1, clip: true },
        encoding: { x, y, color, strokeDash, order: { field: "time", type: "quantitative" as const } },
      },
      {
        data: { name: "steps" },
        transform: [{ filter: { field: "group", equal: group } }],
        mark: { type: "line" as const, interpolate: "step-after" as const, strokeWidth: 1.25, clip: true },
        encoding: { x, y, color, strokeDash, order: { field: "time", type: "quantitative" as const } },
      },
      {
        data: { name: "censorings" },
        transform: [{ filter: { field: "group", equal: group } }],
        mark: { type: "tick" as const, orient: "vertical" as const, size: 4, thickness: 0.75, color: okabeIto.black, clip: true, aria: false },
        encoding: { x, y },
      },
      {
        data: { values: [{ end: round(followUp) }] },
        mark: { type: "rule" as const, strokeDash: [1, 2], strokeWidth: 0.6, color: "#666666" },
        encoding: { x: { ...x, field: "end" } },
      },
    ],
  });

  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description: `Kaplan–Meier estimate${groups.length > 1 ? "s by group" : ""} with fitted parametric survival curves (${labels.join(", ")}), extrapolated to ${maxTime}; dotted line: end of follow-up`,
    ...(groups.length > 1 && options.title !== undefined ? { title: options.title } : {}),
    config: figureConfig(),
    datasets: { steps, censorings, curves },
    columns,
    concat: groups.map(panel),
    resolve: { scale: { color: "shared", strokeDash: "shared" }, legend: { color: "shared", strokeDash: "shared" } },
    usermeta: { pnenSim: { figure: "parametric-fit", widthMm: millimetres, groups, fits: labels, maxTime } },
  } as unknown as TopLevelSpec; // checked against the Vega-Lite schema in the tests
}

const round = (t: number) => Math.round(t * 1e4) / 1e4;

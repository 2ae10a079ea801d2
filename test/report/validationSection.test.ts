import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/report/buildReport.js";
import { reportHtml } from "../../src/report/reportHtml.js";
import { reportMarkdown } from "../../src/report/reportMarkdown.js";
import { validationSection } from "../../src/report/validationSection.js";
import { calibrateSequencingModel } from "../../src/simulate/calibrateSequencingModel.js";
import { loadScenarioNode } from "../../src/simulate/loadScenarioNode.js";
import { resolveOutcomeParameters } from "../../src/simulate/OutcomeParameters.js";
import { validateTrials } from "../../src/validation/validateTrials.js";
import { vegaLiteSchemaErrors } from "../figures/vegaLiteSchema.js";
import { context, shippedTrial, strategies } from "../validation/validationFixture.js";
import { reportInputFixture } from "./reportInputFixture.js";

const { scenario } = loadScenarioNode("default", process.cwd());
const model = calibrateSequencingModel(resolveOutcomeParameters(context.registry));
const validated = validateTrials([shippedTrial("radiant-3"), shippedTrial("sanet-p")], { model, baseCohort: scenario.cohort, context, strategies, seed: 1, patientsPerArm: 2000 });
const validation = { trials: validated.trials, summary: validated.summary, patientsPerArm: 2000 };

describe("validationSection(validation)", () => {
  it("validationSection(validation) tabulates each published endpoint with both intervals and what makes it circular", () => {
    const section = validationSection(validation);
    expect(section.title).toBe("Validation against published randomised trials");
    expect(section.tables[0].rows.map((r) => [r[0], r[1], r[10], r[11], r[12]])).toEqual([
      ["RADIANT-3", "PFS", 0.35, 0.27, 0.45],
      ["RADIANT-3", "OS", 0.94, 0.73, 1.2],
      ["SANET-p", "PFS", 0.49, 0.32, 0.76],
    ]);
    expect(section.tables[0].rows[0][14]).toBe("simulation.everolimus.pfs.median, simulation.bestSupportiveCare.pfs.median");
    expect(section.paragraphs.join(" ")).toContain("RADIANT-3, A6181111 and E2211");
    expect(vegaLiteSchemaErrors(section.figures[0].spec)).toEqual([]);
  });

  it("buildReport(input with validation) adds the section after the tables, numbering its figure and table after the others", () => {
    const document = buildReport({ ...reportInputFixture(), validation });
    expect(document.sections?.map((s) => s.id)).toEqual(["validation"]);
    const html = reportHtml(document);
    expect(html).toContain('<section id="validation">\n<h2>Validation against published randomised trials</h2>');
    expect(html).toContain(`<b>Figure ${document.figures.length + 1}.</b> Predicted against published hazard ratios`);
    expect(html).toContain(`<b>Table ${document.tables.length + 1}.</b> Published randomised trials emulated by the model`);
    expect(html.indexOf("<h2>Validation")).toBeLessThan(html.indexOf("<h2>References"));
    expect(reportMarkdown(document)).toContain("## Validation against published randomised trials");
    // without validation the report has no section, and its HTML no trace of one
    expect(reportHtml(buildReport(reportInputFixture()))).not.toContain("<section");
  });
});

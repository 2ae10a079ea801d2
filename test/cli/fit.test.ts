import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./runCli.js";

interface SurvregEntry { distribution: string; grouped: boolean; coefficientNames: string[]; coefficients: number[]; scale: number; logLik: number; aic: number; bic: number }
interface Fixture { data: { time: number[]; event: number[]; group?: string[] }; survreg: SurvregEntry[]; gompertz: { grouped: boolean; estimates: number[]; logLik: number }[] }

let folder = "";
const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/r/survreg/${name}.json`, import.meta.url), "utf8")) as Fixture;

function writeCsv(name: string, header: string, f: Fixture): void {
  const lines = [header];
  f.data.time.forEach((t, i) => lines.push(`${t},${f.data.event[i]}${f.data.group ? `,${f.data.group[i]}` : ""}`));
  writeFileSync(join(folder, name), `${lines.join("\n")}\n`);
}

const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), "pnen-sim-fit-"));
  writeCsv("lung.csv", "days,died,sex", fixture("lung-sex"));
  writeCsv("heavy.csv", "months,event,group", fixture("heavy-censoring"));
  writeFileSync(join(folder, "zero.csv"), "t,e,arm\n0,1,A\n2,1,A\n3,0,B\n4,1,B\n");
  writeFileSync(join(folder, "noevents.csv"), "t,e,arm\n1,1,A\n2,1,A\n3,0,B\n4,0,B\n");
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("pnen-sim fit", () => {
  it("fit --json gives the issue's shape, ranked by AIC, with R's survreg numbers and coefficient names (lung, ~ sex)", async () => {
    // R: survreg(Surv(days, died) ~ sex, data = lung, dist = d) for d in exponential, weibull, lognormal, loglogistic
    const { code, out } = await runCli(["fit", "--input", "lung.csv", "--time", "days", "--event", "died", "--group", "sex", "--json"], folder);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.groups).toEqual(["female", "male"]);
    expect(json.fits.map((f: { distribution: string }) => f.distribution)).toEqual(["weibull", "gompertz", "loglogistic", "exponential", "lognormal"]);
    const aic = json.fits.map((f: { aic: number }) => f.aic);
    expect(aic).toEqual([...aic].sort((a: number, b: number) => a - b));
    for (const r of fixture("lung-sex").survreg.filter((e) => e.grouped)) {
      const fit = json.fits.find((f: { distribution: string }) => f.distribution === r.distribution);
      expect(Object.keys(fit)).toEqual(expect.arrayContaining(["distribution", "logLik", "aic", "bic", "survreg", "parameters"]));
      expect(Object.keys(fit.survreg.coefficients)).toEqual(r.coefficientNames);
      r.coefficientNames.forEach((name, i) => expect(relative(fit.survreg.coefficients[name], r.coefficients[i]!)).toBeLessThan(1e-6));
      expect(relative(fit.survreg.scale, r.scale)).toBeLessThan(1e-6);
      expect(relative(fit.logLik, r.logLik)).toBeLessThan(1e-6);
      expect(relative(fit.aic, r.aic)).toBeLessThan(1e-6);
      expect(relative(fit.bic, r.bic)).toBeLessThan(1e-6);
    }
    const weibull = json.fits[0];
    // Engine parameters of the reference group: shape 1/σ, scale exp(intercept).
    expect(weibull.parameters.family).toBe("weibull");
    expect(weibull.parameters.shape).toBeCloseTo(1 / weibull.survreg.scale, 12);
    expect(weibull.parameters.scale).toBeCloseTo(Math.exp(weibull.survreg.coefficients["(Intercept)"]), 9);
    expect(weibull.effects[0]).toMatchObject({ term: "sexmale", group: "male", kind: "timeRatio" });
    const gompertz = json.fits[1];
    expect(gompertz.survreg).toBeNull();
    expect(relative(gompertz.parameters.shape, fixture("lung-sex").gompertz[1]!.estimates[0]!)).toBeLessThan(1e-6);
    expect(json.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(json.provenance.inputSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("fit names the group term as R does: --group group gives groupB (heavy censoring)", async () => {
    const { code, out } = await runCli(["fit", "--input", "heavy.csv", "--time", "months", "--event", "event", "--group", "group", "--dist", "weibull", "--json"], folder);
    expect(code).toBe(0);
    const fit = JSON.parse(out).fits[0];
    const r = fixture("heavy-censoring").survreg.find((e) => e.grouped && e.distribution === "weibull")!;
    expect(Object.keys(fit.survreg.coefficients)).toEqual(["(Intercept)", "groupB"]);
    expect(relative(fit.survreg.coefficients.groupB, r.coefficients[1]!)).toBeLessThan(1e-6);
  });

  it("fit prints the ranked table, effects, coefficients, landmarks, version and notice; --figure writes SVG, PNG, PDF and Vega-Lite", async () => {
    const { code, out, err } = await runCli(
      ["fit", "--input", "lung.csv", "--time", "days", "--event", "died", "--group", "sex", "--cuts", "180,365,730", "--times", "365,1500", "--figure", "figures/lung-fit", "--horizon", "1500"],
      folder,
    );
    expect(code).toBe(0);
    expect(out).toContain("Parametric survival fits for lung.csv: n = 228, 165 events; groups by sex: female (reference), male");
    expect(out).toMatch(/rank\s+distribution\s+df\s+logLik\s+AIC\s+ΔAIC\s+BIC/);
    expect(out).toMatch(/1\s+Weibull\s+3\s+-1148\.65\s+2303\.30\s+0\.00\s+2313\.59/);
    expect(out).toContain('Weibull — survreg(Surv(time, event) ~ sex, dist = "weibull")');
    expect(out).toContain("Piecewise exponential (cut points 180, 365, 730)");
    expect(out).toContain("male: TR 0.673 (0.524 to 0.865), p 0.0019");
    expect(out).toMatch(/female\s+1500\s+NA/);
    expect(out).toContain("Research use only");
    expect(err).toContain("figure:");
    for (const ext of ["svg", "png", "pdf", "vl.json"]) expect(existsSync(join(folder, "figures", `lung-fit.${ext}`)), ext).toBe(true);
    const svg = readFileSync(join(folder, "figures", "lung-fit.svg"), "utf8");
    expect(svg).toContain("Kaplan–Meier");
    expect(svg).toContain("Weibull (AIC 2303.3)");
    const spec = JSON.parse(readFileSync(join(folder, "figures", "lung-fit.vl.json"), "utf8"));
    expect(spec.usermeta.provenance["input sha256"]).toMatch(/^[0-9a-f]{64}$/);
    expect(spec.usermeta.pnenSim.maxTime).toBe(1500);
  });

  it("fit rejects bad input with exit 2 and a message naming the problem", async () => {
    const cases: [string[], string][] = [
      [["fit", "--input", "lung.csv", "--time", "days"], "pnen-sim fit: --event is required"],
      [["fit", "--input", "lung.csv", "--time", "days", "--event", "died", "--dist", "cox"], "pnen-sim fit: --dist: unknown distribution 'cox'; expected all or a comma list of exponential, weibull, lognormal, loglogistic, gompertz, piecewise"],
      [["fit", "--input", "lung.csv", "--time", "days", "--event", "died", "--dist", "piecewise"], "pnen-sim fit: --dist piecewise needs --cuts"],
      [["fit", "--input", "lung.csv", "--time", "days", "--event", "died", "--cuts", "365,180"], "pnen-sim fit: --cuts: expected increasing times, got '365,180'"],
      [["fit", "--input", "lung.csv", "--time", "days", "--event", "died", "--horizon", "10"], "--horizon sets the figure's time axis; give --figure FILE too"],
      [["fit", "--input", "zero.csv", "--time", "t", "--event", "e"], "zero.csv: row 1, column 't': time 0 cannot be fitted by the exponential, Weibull, log-normal or log-logistic model"],
      [["fit", "--input", "noevents.csv", "--time", "t", "--event", "e", "--group", "arm", "--dist", "weibull"], "noevents.csv: group 'B' has no events, so its coefficient is not estimable (it would be infinite)"],
      [["fit", "--input", "lung.csv", "--time", "days", "--event", "died", "--dist", "piecewise", "--cuts", "2000"], "lung.csv: piece 2 [2000, ∞) has no follow-up time"],
      [["fit", "--input", "missing.csv", "--time", "t", "--event", "e"], "missing.csv: cannot read the file (no such file)"],
    ];
    for (const [args, message] of cases) {
      const { code, err } = await runCli(args, folder);
      expect(code, args.join(" ")).toBe(2);
      expect(err, args.join(" ")).toContain(message);
      expect(err).not.toMatch(/\n\s+at /);
    }
    // Gompertz and piecewise accept time 0.
    const { code } = await runCli(["fit", "--input", "zero.csv", "--time", "t", "--event", "e", "--dist", "gompertz"], folder);
    expect(code).toBe(0);
  });
});

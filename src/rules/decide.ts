import type { Patient } from "../cohort/Patient.js";
import { Local, Order, Prep, Surgery, Sys, pushSystemic, resetPlan, unshiftSystemic, type Plan } from "./Pathway.js";
import type { RuleThresholds } from "./RuleThresholds.js";
import type { StrategyChoices } from "./Strategy.js";
import { ruleCatalogue, type RuleId } from "./ruleCatalogue.js";
import { gradeNames, whoGradeCode } from "./whoGrade.js";

/** One decision of the trace: a rule that fired or was considered and rejected, in words, with its source. */
export interface TraceEntry {
  readonly rule: RuleId;
  readonly fired: boolean;
  readonly text: string;
  readonly section: string;
  readonly refs: readonly number[];
}

function note(trace: TraceEntry[], rule: RuleId, fired: boolean, text: string): void {
  const definition = ruleCatalogue[rule];
  trace.push({ rule, fired, text, section: definition.section, refs: definition.refs });
}

/** "a, b and c" from the reasons that apply. */
function reasons(list: readonly (string | false)[]): string {
  const items = list.filter((x): x is string => x !== false);
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

const systemicLabel = ["", "CAPTEM", "temozolomide-based chemotherapy", "platinum-based chemotherapy", "everolimus", "sunitinib", "surufatinib", "PRRT", "SSA", "interferon-alpha with SSA"];
const firstLineCode = { review: 0, captem: Sys.captem, everolimus: Sys.everolimus, sunitinib: Sys.sunitinib, surufatinib: Sys.surufatinib, prrt: Sys.prrt } as const;
const targetedCode = { everolimus: Sys.everolimus, sunitinib: Sys.sunitinib, surufatinib: Sys.surufatinib } as const;

// The two lookups above as switches: a lookup by a string held in a variable is a generic keyed load, several
// times slower on the hot path than comparing the few known strings. Same results (the tables answer the rest).
function firstLineCodeOf(choice: StrategyChoices["firstSystemicLine"]): number {
  switch (choice) {
    case "review": return 0;
    case "captem": return Sys.captem;
    case "everolimus": return Sys.everolimus;
    case "sunitinib": return Sys.sunitinib;
    case "surufatinib": return Sys.surufatinib;
    case "prrt": return Sys.prrt;
    default: return firstLineCode[choice];
  }
}
function targetedCodeOf(choice: StrategyChoices["targetedOnProgression"]): number {
  switch (choice) {
    case "everolimus": return Sys.everolimus;
    case "sunitinib": return Sys.sunitinib;
    case "surufatinib": return Sys.surufatinib;
    default: return targetedCode[choice];
  }
}

/**
 * The review's decision logic (sections 1–3) for one patient under one strategy: fills `plan` with the
 * decisions and, when `trace` is an array, appends one entry per rule considered. With `trace === null` it does
 * no string work and allocates nothing (the hot path of {@link assignPathway}). O(1).
 *
 *   classify (WHO grade, ENETS type) → hepatic surgery (radical type I │ debulking type II │ conversion) →
 *   transplant → functional / symptomatic primary → symptom control → liver-directed (ablation │ transarterial)
 *   → systemic lines by grade, Ki-67, SSTR and function
 */
export function decide(p: Patient, c: StrategyChoices, t: RuleThresholds, plan: Plan, trace: TraceEntry[] | null): number {
  resetPlan(plan);
  const grade = whoGradeCode(p.ki67, p.mitoses, p.differentiation, t);
  const lowGrade = grade <= 2;
  const functional = p.syndrome !== "none";
  const fit = !p.seriousComorbidity;
  const type = p.enetsType;

  if (trace !== null) {
    const name = gradeNames[grade];
    note(trace, "classification.whoGrade", true, p.differentiation === "poor"
      ? `Poorly differentiated: neuroendocrine carcinoma (NEC) whatever Ki-67 (${p.ki67}%) and mitoses (${p.mitoses}/10 HPF)`
      : `Well differentiated NET, Ki-67 ${p.ki67}%, mitoses ${p.mitoses}/10 HPF: the higher of the two grades is ${name}`);
    note(trace, "classification.enetsType", true, `Liver metastases of ENETS type ${type}`);
    note(trace, "surgery.fitness", !fit, fit ? "No serious comorbidity: surgery possible" : "Serious comorbidity: no surgery; local and systemic therapy instead");
  }

  // §1.1 radical resection for type I (ref. 14).
  const gradeAllowsRadical = lowGrade || (grade === 3 && c.resectG3WithCurativePotential);
  const radical = type === "I" && p.adequateLiverReserve && fit && gradeAllowsRadical && !p.extrahepaticDisease;
  if (trace !== null) {
    note(trace, "surgery.radical.typeI", radical, radical
      ? `ENETS type I, ${gradeNames[grade]}, adequate liver reserve, fit, no extrahepatic disease: radical resection of primary and liver metastases`
      : `No radical resection: ${reasons([
          type !== "I" && `ENETS type ${type}, not I`,
          !p.adequateLiverReserve && "liver reserve inadequate",
          !fit && "serious comorbidity",
          !gradeAllowsRadical && (grade === 4 ? "NEC" : "G3 without curative potential under this strategy"),
          p.extrahepaticDisease && "extrahepatic disease",
        ])}`);
  }
  if (radical) {
    const staged = p.liverInvolvementPct >= t.stagedSurgeryInvolvementMin;
    plan.surgery = staged ? Surgery.staged : Surgery.radical;
    if (!p.primaryResected) plan.order = p.primarySite === "head" ? Order.liverFirst : Order.pancreasFirst;
    if (c.conversionTherapy === "all-resectable") plan.conversion = 1;
    if (trace !== null) {
      note(trace, "surgery.synchronousOrStaged", true, staged
        ? `Liver involvement ${p.liverInvolvementPct}% >= ${t.stagedSurgeryInvolvementMin}% (extensive): staged resection, portal vein embolisation before the contralateral hepatectomy`
        : `Liver involvement ${p.liverInvolvementPct}% < ${t.stagedSurgeryInvolvementMin}%, single lobe: synchronous resection of primary and metastases`);
      note(trace, "surgery.order.primarySite", !p.primaryResected, p.primaryResected
        ? "Primary already resected: liver metastases only"
        : p.primarySite === "head" ? "Primary in the pancreatic head: liver metastases first" : `Primary in the pancreatic ${p.primarySite}: pancreatic primary first`);
      note(trace, "conversion.therapy", plan.conversion === 1, plan.conversion === 1
        ? "Strategy gives conversion therapy before every hepatic resection"
        : "Resectable upfront: no conversion therapy");
    }
  } else if (type === "II" && lowGrade) {
    // §1.1 debulking for type II G1/G2 (refs. 15–17); §1.5 conversion therapy (refs. 23–25).
    const operable = p.adequateLiverReserve && fit;
    const enough = p.expectedCytoreductionPct >= t.debulkingCytoreductionMin;
    if (operable && enough) {
      plan.surgery = Surgery.debulking;
      if (c.conversionTherapy === "all-resectable") plan.conversion = 1;
    } else if (operable && c.conversionTherapy !== "never") {
      plan.surgery = Surgery.debulking;
      plan.conversion = 1;
    }
    if (trace !== null) {
      note(trace, "surgery.debulking.typeII", operable && enough, !operable
        ? `No debulking: ${reasons([!p.adequateLiverReserve && "liver reserve inadequate", !fit && "serious comorbidity"])}`
        : enough
          ? `ENETS type II ${gradeNames[grade]}: expected cytoreduction ${p.expectedCytoreductionPct}% >= ${t.debulkingCytoreductionMin}%: debulking surgery`
          : `Expected cytoreduction ${p.expectedCytoreductionPct}% < ${t.debulkingCytoreductionMin}%: not resectable upfront`);
      if (operable) {
        note(trace, "conversion.therapy", plan.conversion === 1, plan.conversion === 1
          ? enough ? "Strategy gives conversion therapy before every hepatic resection" : "Borderline resectable: conversion therapy first, then debulking"
          : enough ? "Debulking upfront: no conversion therapy" : "Strategy offers no conversion therapy: no surgery");
      }
    }
  } else if (type === "III" && lowGrade && trace !== null) {
    note(trace, "surgery.noRoutineHepatectomy.typeIII", true, `ENETS type III ${gradeNames[grade]}: no routine hepatectomy`);
  }
  if (grade >= 3 && !radical && trace !== null) {
    note(trace, "surgery.highGrade.controversial", true, `${gradeNames[grade]} without curative resection: debulking is controversial and not offered`);
  }

  // §1.4 liver transplant (ref. 11), only when the liver is not resected.
  if (plan.surgery === Surgery.none) {
    const meets =
      !p.extrahepaticDisease && lowGrade && p.ki67 < t.transplantKi67Below && p.primaryResected &&
      p.liverInvolvementPct < t.transplantInvolvementBelow && p.monthsStable >= t.transplantStableMin && p.age < t.transplantAgeBelow;
    const transplant = meets && fit && c.transplant;
    if (transplant) plan.surgery = Surgery.transplant;
    if (trace !== null) {
      note(trace, "transplant.criteria", transplant, transplant
        ? `All transplant criteria met (no extrahepatic disease, ${gradeNames[grade]} with Ki-67 ${p.ki67}% < ${t.transplantKi67Below}%, primary resected, involvement ${p.liverInvolvementPct}% < ${t.transplantInvolvementBelow}%, stable ${p.monthsStable} >= ${t.transplantStableMin} months, age ${p.age} < ${t.transplantAgeBelow}): liver transplantation`
        : `No transplant: ${reasons([
            p.extrahepaticDisease && "extrahepatic disease",
            !lowGrade && `${gradeNames[grade]}, not G1–G2`,
            p.ki67 >= t.transplantKi67Below && `Ki-67 ${p.ki67}% >= ${t.transplantKi67Below}%`,
            !p.primaryResected && "primary not resected",
            p.liverInvolvementPct >= t.transplantInvolvementBelow && `involvement ${p.liverInvolvementPct}% >= ${t.transplantInvolvementBelow}%`,
            p.monthsStable < t.transplantStableMin && `stable ${p.monthsStable} < ${t.transplantStableMin} months`,
            p.age >= t.transplantAgeBelow && `age ${p.age} >= ${t.transplantAgeBelow}`,
            meets && !fit && "serious comorbidity",
            meets && fit && !c.transplant && "strategy offers no transplantation",
          ])}`);
    }
  }

  // §1.2 functional tumours: surgery regardless of metastases, after symptom control (refs. 18–20).
  if (functional) {
    if (plan.surgery === Surgery.none) {
      const operate = fit && grade !== 4 && !p.primaryResected;
      if (operate) plan.surgery = Surgery.primaryFunctional;
      if (trace !== null) {
        note(trace, "surgery.functional", operate, operate
          ? `Functional tumour (${p.syndrome}): resection of the primary although the liver metastases are not resected`
          : `No surgery for the functional tumour: ${reasons([!fit && "serious comorbidity", grade === 4 && "NEC", p.primaryResected && "primary already resected"])}`);
      }
    }
    plan.prep = p.syndrome === "insulinoma" ? Prep.glucoseControl : p.syndrome === "gastrinoma" ? Prep.ppi : Prep.ssa;
    if (trace !== null) {
      note(trace, "symptomControl.functional", true, p.syndrome === "insulinoma"
        ? "Insulinoma: intravenous glucose for hypoglycaemia first"
        : p.syndrome === "gastrinoma" ? "Gastrinoma: proton pump inhibitor for peptic ulcer disease first" : "Functional syndrome: SSA for symptom control first");
    }
  }

  // §1.3 symptomatic primary (refs. 14, 22).
  if (plan.surgery === Surgery.none && p.primarySymptomatic === true) {
    const operate = fit && !p.primaryResected && c.resectSymptomaticPrimary;
    if (operate) plan.surgery = Surgery.primarySymptomatic;
    if (trace !== null) {
      note(trace, "surgery.primary.symptomatic", operate, operate
        ? "Bleeding or obstructing primary, disease not resectable: resection of the primary for symptoms"
        : `Symptomatic primary not resected: ${reasons([!fit && "serious comorbidity", p.primaryResected && "primary already resected", !c.resectSymptomaticPrimary && "strategy does not resect it"])}`);
    }
  }

  // §2 liver-directed therapy when the liver is not operated on.
  const liverOperated = plan.surgery === Surgery.radical || plan.surgery === Surgery.staged || plan.surgery === Surgery.debulking || plan.surgery === Surgery.transplant;
  if (!liverOperated) {
    const ablatable =
      (p.lesionCount <= t.ablationSingleMaxCount && p.largestLesionCm <= t.ablationSingleMaxDiameter) ||
      (p.lesionCount >= t.ablationMultipleMinCount && p.lesionCount <= t.ablationMultipleMaxCount && p.largestLesionCm <= t.ablationMultipleMaxDiameter);
    const eligible = grade !== 4 && (lowGrade || functional);
    const large = p.liverInvolvementPct >= t.largeBurdenInvolvementMin;
    if (!c.liverDirectedTherapy) {
      if (trace !== null) note(trace, "local.ablation", false, "Strategy allows no liver-directed therapy");
    } else if (ablatable && eligible) {
      plan.local = Local.ablation;
      if (trace !== null) {
        note(trace, "local.ablation", true, p.lesionCount <= t.ablationSingleMaxCount && p.largestLesionCm <= t.ablationSingleMaxDiameter
          ? `${p.lesionCount === 1 ? "One lesion" : `${p.lesionCount} lesions`} of ${p.largestLesionCm} cm <= ${t.ablationSingleMaxDiameter} cm: ablation`
          : `${p.lesionCount} lesions, largest ${p.largestLesionCm} cm <= ${t.ablationMultipleMaxDiameter} cm: ablation`);
      }
    } else {
      if (trace !== null) {
        note(trace, "local.ablation", false, !eligible
          ? `No ablation: ${grade === 4 ? "NEC" : "non-functional G3"}, systemic therapy first`
          : `No ablation: ${p.lesionCount} lesion${p.lesionCount === 1 ? "" : "s"}, largest ${p.largestLesionCm} cm (criteria: ${t.ablationSingleMaxCount === 1 ? "one" : `up to ${t.ablationSingleMaxCount}`} <= ${t.ablationSingleMaxDiameter} cm, or ${t.ablationMultipleMinCount}–${t.ablationMultipleMaxCount} <= ${t.ablationMultipleMaxDiameter} cm)`);
      }
      if (functional && grade !== 4) {
        plan.local = c.transarterialAgent === "hae" ? Local.hae : Local.hace;
        if (large) plan.localStaged = 1;
        if (trace !== null) note(trace, "local.transarterial.functional", true, `Functional tumour: ${c.transarterialAgent === "hae" ? "HAE" : "HACE"} of the liver metastases, alongside symptom control`);
      } else if (lowGrade && !p.extrahepaticDisease && (!large || c.transarterialLargeBurden)) {
        plan.local = c.transarterialAgent === "hae" ? Local.hae : c.transarterialAgent === "sirt" ? Local.sirt : Local.hace;
        if (large) plan.localStaged = 1;
        if (trace !== null) {
          note(trace, "local.transarterial.lowBurden", true, large
            ? `${gradeNames[grade]}, liver-only, involvement ${p.liverInvolvementPct}% >= ${t.largeBurdenInvolvementMin}% (large burden): the strategy gives transarterial therapy anyway`
            : `${gradeNames[grade]}, liver-only, involvement ${p.liverInvolvementPct}% < ${t.largeBurdenInvolvementMin}%: transarterial therapy`);
          if (plan.local === Local.sirt) note(trace, "local.transarterial.sirt", true, "Strategy chooses SIRT as the transarterial therapy");
        }
      } else if (trace !== null && lowGrade) {
        note(trace, "local.transarterial.lowBurden", false, `No transarterial therapy first: ${reasons([large && `large burden (involvement ${p.liverInvolvementPct}% >= ${t.largeBurdenInvolvementMin}%)`, p.extrahepaticDisease && "extrahepatic disease"])}; systemic therapy`);
      }
      if (plan.localStaged === 1 && trace !== null) {
        note(trace, "local.transarterial.staged", true, `Large burden (involvement ${p.liverInvolvementPct}% >= ${t.largeBurdenInvolvementMin}%): transarterial therapy in stages`);
      }
    }
  }

  // §3 systemic lines.
  if (grade === 4) {
    pushSystemic(plan, Sys.platinumEtoposide);
    if (trace !== null) note(trace, "systemic.platinum", true, "NEC: platinum-based chemotherapy first line");
    const prrt = c.prrtForSelectedNec && p.sstrPositive && p.ki67 > t.prrtG3Ki67Lower && p.ki67 < t.prrtG3Ki67Upper;
    if (prrt) pushSystemic(plan, Sys.prrt);
    if (trace !== null) note(trace, "systemic.prrt.g3", prrt, prrt ? `Selected SSTR-positive NEC, Ki-67 ${p.ki67}% in (${t.prrtG3Ki67Lower}%, ${t.prrtG3Ki67Upper}%): PRRT` : `No PRRT for NEC${c.prrtForSelectedNec ? " (SSTR-negative or Ki-67 outside the range)" : " under this strategy"}`);
  } else if (grade === 3) {
    const platinum = p.ki67 >= t.platinumSplitKi67;
    pushSystemic(plan, platinum ? Sys.platinumEtoposide : Sys.temozolomide);
    if (trace !== null) {
      if (platinum) note(trace, "systemic.platinum", true, `G3 NET with Ki-67 ${p.ki67}% >= ${t.platinumSplitKi67}%: platinum-based chemotherapy, as for NEC`);
      else note(trace, "systemic.temozolomide.g3", true, `G3 NET with Ki-67 ${p.ki67}% < ${t.platinumSplitKi67}%: temozolomide-based chemotherapy`);
    }
    const prrt = p.sstrPositive && p.ki67 > t.prrtG3Ki67Lower && p.ki67 < t.prrtG3Ki67Upper;
    if (prrt) pushSystemic(plan, Sys.prrt);
    if (trace !== null) {
      note(trace, "systemic.prrt.g3", prrt, prrt
        ? `SSTR-positive G3, Ki-67 ${p.ki67}% in (${t.prrtG3Ki67Lower}%, ${t.prrtG3Ki67Upper}%): PRRT on progression`
        : `No PRRT: ${reasons([!p.sstrPositive && "SSTR-negative", !(p.ki67 > t.prrtG3Ki67Lower && p.ki67 < t.prrtG3Ki67Upper) && `Ki-67 ${p.ki67}% outside (${t.prrtG3Ki67Lower}%, ${t.prrtG3Ki67Upper}%)`])}`);
    }
    if (c.everolimusInG3) pushSystemic(plan, Sys.everolimus);
    if (trace !== null) note(trace, "systemic.everolimus.g3", c.everolimusInG3, c.everolimusInG3 ? "G3 NET: everolimus on progression" : "Strategy gives no everolimus in G3");
  } else {
    if (functional) {
      pushSystemic(plan, Sys.ssa);
      pushSystemic(plan, Sys.interferonSsa);
      if (trace !== null) {
        note(trace, "systemic.ssa.functional", true, `Functional ${gradeNames[grade]} tumour: SSA for the hormone syndrome and tumour growth`);
        note(trace, "systemic.interferon.ssaRefractory", true, "When the syndrome becomes refractory to SSA: interferon-alpha with SSA");
      }
    } else {
      const slow = p.monthsStable >= t.slowGrowingMonthsStableMin;
      const ssaFirst = p.ki67 < t.ssaFirstLineKi67Below && p.sstrPositive && slow;
      if (ssaFirst) pushSystemic(plan, Sys.ssa);
      if (trace !== null) {
        note(trace, "systemic.ssa.firstLine", ssaFirst, ssaFirst
          ? `${gradeNames[grade]}, Ki-67 ${p.ki67}% < ${t.ssaFirstLineKi67Below}%, SSTR-positive, slow-growing (stable ${p.monthsStable} >= ${t.slowGrowingMonthsStableMin} months): SSA first line`
          : `No SSA first line: ${reasons([
              p.ki67 >= t.ssaFirstLineKi67Below && `Ki-67 ${p.ki67}% >= ${t.ssaFirstLineKi67Below}%`,
              !p.sstrPositive && "SSTR-negative",
              !slow && `not slow-growing (stable ${p.monthsStable} < ${t.slowGrowingMonthsStableMin} months)`,
            ])}`);
      }
    }
    pushSystemic(plan, Sys.captem);
    if (trace !== null) note(trace, "systemic.captem.g12", true, `${gradeNames[grade]} NET: CAPTEM${plan.systemicCount > 1 ? " on progression" : " as the first systemic treatment"}`);
    const targeted = targetedCodeOf(c.targetedOnProgression);
    const prrtBefore = c.prrtOrder === "before-targeted";
    if (p.sstrPositive && prrtBefore) pushSystemic(plan, Sys.prrt);
    pushSystemic(plan, targeted);
    if (p.sstrPositive && !prrtBefore) pushSystemic(plan, Sys.prrt);
    if (trace !== null) {
      note(trace, "systemic.targeted.progression", true, `Progressive ${gradeNames[grade]}: ${systemicLabel[targeted]}`);
      note(trace, "systemic.prrt.g12", p.sstrPositive, p.sstrPositive
        ? `SSTR-positive ${gradeNames[grade]}: PRRT ${prrtBefore ? "before" : "after"} the targeted drug`
        : "SSTR-negative: no PRRT");
    }
    const first = firstLineCodeOf(c.firstSystemicLine);
    if (first !== 0) {
      const possible = first !== Sys.prrt || p.sstrPositive;
      if (possible) unshiftSystemic(plan, first);
      if (trace !== null) {
        note(trace, "systemic.firstLine.strategy", possible, possible
          ? `Strategy's first systemic line: ${systemicLabel[first]}; the review's other lines follow`
          : "Strategy's first line PRRT needs SSTR-positive disease: the review's order is kept");
      }
    }
  }
  return grade;
}

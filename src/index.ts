// Public API of pnen-sim (`import … from "pnen-sim"`): re-exports only (see STYLE.md), chosen deliberately — what is
// listed here is what README.md's "Public API" section documents (test/packageApi.test.ts checks the two agree).
// Browser-safe: no Node APIs. Node-only pieces (files, rendering, workers) are in src/node.ts ("pnen-sim/node").
// Internals (numeric cores such as eventTableCore or solveLinear, scratch buffers, hash tables) are not exported;
// tests and the dashboards import them by path.

// Errors and JSON: errors of bad input, and JSON output of typed-array results
export { InputError, isInputError, typedArraysAsArrays } from "./util/index.js";

// Special functions: normal, gamma, beta and chi-square functions, tested against R
export { logGamma, standardNormalCdf, standardNormalSurvival, standardNormalDensity, inverseNormalCdf,
  upperNormalQuantile, normalTwoSidedP, regularizedGammaLower, regularizedGammaUpper, chiSquareUpperTail,
  regularizedIncompleteBeta, scaledExponentialIntegral, studentTQuantile,
  choleskyFactor } from "./math/index.js";

// Evidence registry: the review's figures, references, thresholds, treatments and labelled assumptions
export { parseRegistry, registryJsonSchema, createRegistry, formatCitation, formatQuantity, doiUrl, doiPattern, isWellFormedDoi,
  effectKinds, sourceCheckStatuses, treatmentKinds, isTreatmentKind, populationGrades, readPopulationSpec,
  evidenceCurveDistributions, evidenceCurveParameterNames } from "./evidence/index.js";
export type { EvidenceRegistry, EvidenceFigure, Reference, SourceDocument, Threshold, Treatment, TreatmentKind,
  Assumption, EffectKind, SourceCheckStatus, Comparator, RegistryFile, RegistryFiles, RegistryParts, LifeTable,
  PopulationSpec, PopulationGrade, EvidenceCurve, EvidenceCurveDistribution, CurveData, CurveFit,
  ConfidenceInterval, RegistryFileKind } from "./evidence/index.js";

// Random numbers: seeded sources, sub-streams and distributions (each a factory returning a sampler)
export { randomSource, subStream, subStreamSeed, samplerFromInverseCdf, randomUniform, quantileUniform, randomNormal,
  quantileNormal, randomLogNormal, quantileLogNormal, randomTruncatedNormal, quantileTruncatedNormal,
  randomTriangular, quantileTriangular, randomBeta, quantileBeta, betaFromMeanAndSd, randomBernoulli,
  quantileBernoulli, randomCategorical, quantileCategorical, randomPoisson, quantilePoisson, randomGeometric,
  quantileGeometric, unitExponential, randomMultivariateNormal } from "./random/index.js";
export type { RandomSource, Sampler, InverseCdf, VectorSampler } from "./random/index.js";

// Patients and cohorts: the patient record, scenarios, synthetic cohorts
export { parsePatient, patientFields, patientJsonSchema, parseScenario, scenarioProblems, scenarioJsonSchema, generateCohort, patientAt,
  cohortColumnNames, cohortBlockSize, enetsTypeFromPattern, Sexes, isSex, PrimarySites, isPrimarySite, Syndromes,
  isSyndrome, Differentiations, isDifferentiation, EnetsTypes, isEnetsType, Grades, isGrade, referenceCohortSpec,
  populationCohortSpec, populationCohort } from "./cohort/index.js";
export type { Patient, Sex, PrimarySite, Syndrome, Differentiation, EnetsType, Grade, Scenario, CohortSpec,
  FollowUpSpec, CohortColumns, CohortColumnName, MetastasisPattern, PatientFieldSpec } from "./cohort/index.js";

// Treatment rules and strategies: WHO grade, ENETS type, eligibility, pathways with their decision trace, strategies
export { whoGrade, gradeNames, enetsType, assignPathway, explainPathway, parseStrategy, strategyJsonSchema, ruleCatalogue,
  ruleDefinitions, isRuleId, ruleThresholds, ruleThresholdSources, choiceDefinitions, defaultChoices,
  firstSystemicLines, targetedDrugs, prrtOrders, conversionPolicies, transarterialAgents, intents, pathwayTreatments } from "./rules/index.js";
export type { Strategy, StrategyChoices, ChoiceName, ChoiceDefinition, RuleDefinition, RuleId, RuleThresholds,
  RuleThresholdName, Pathway, PathwayStep, PathwayExplanation, Intent, TreatmentId, TraceEntry } from "./rules/index.js";

// Survival models: parametric models, calibrated to reported medians and landmarks
export { exponential, exponentialFromMedian, weibull, weibullFromMedian, weibullFromMedianAndLandmark, logNormal,
  logNormalFromMedian, logNormalFromMedianAndLandmark, logLogistic, logLogisticFromMedian,
  logLogisticFromMedianAndLandmark, piecewiseExponential, piecewiseExponentialFromMedian,
  piecewiseExponentialFromMedianAndLandmark, gompertz, proportionalHazards, withHazardRatio, mixture, mixtureMedian,
  fromMedian, fromMedianAndLandmark, medianOfSurvival, timeAtSurvival, findRoot, sumSurvival, sumMedian,
  calibratePostProgression, calibrateBaselineMedian, SurvivalFamily, ParametricFamily, isParametricFamily,
  RangeDistribution, isRangeDistribution, pointValue, rangeQuantile, drawValue, SurvivalAssumptionId, CurveFamily,
  isCurveFamily, curveBaselineTime, curveBaselineCumulativeHazard, curveBaselineOf, curveBaselineModel } from "./survival/index.js";
export type { SurvivalModel, SurvivalModelBase, GompertzModel, ExponentialModel, WeibullModel, LogNormalModel,
  LogLogisticModel, PiecewiseExponentialModel, ProportionalHazardsModel, MixtureModel, MixtureComponent,
  FromMedianOptions, RangeParameter, SumSurvivalOptions, PostProgressionOptions, PostProgressionCalibration,
  HazardRatioGroup, BaselineCalibration, CurveBaseline } from "./survival/index.js";

// Simulation: the Monte Carlo run: cohort, pathway, PFS and OS, summaries, replicates, provenance
export { simulate, simulationPlan, scenarioStrategies, summarise, landmarkMonths, calibrateOutcomeModel,
  defaultCalibrationCohortSize, resolveOutcomeParameters, rulesSimulationContext, patientHazardRatios,
  calibrationReport, replicateModel, replicateSpread, summariseReplicates, simulateReplicates,
  treatmentOutcomeSources, outcomeAssumptionSources, debulkingThresholdSource, patientsCsv, patientsCsvColumns,
  patientsCsvHeader, patientsCsvRows, patientsTableColumns, patientsTableLabelSets, patientsChunks, scenarioHash,
  canonicalJson, sha256Hex, sequencingSummary, structureCalibrationReport, fitStructure, OutcomeStructures,
  EvidenceSets, sequencingAssumptionSources, strategyComparisons, withParameterUncertainty, replicateMedianDifferences,
  comparisonBatches, batchMeansInterval, monteCarloBatchSize, headToHead,
  calibrateCurveBaseline, curveCalibrationGridSize, calibrationLandmarkMonths, parameterSampling, drawParameter, outcomeParameterSampling, curveFit, curveMedian,
  summaryTables, mergeSummaryTables, summariseTables } from "./simulate/index.js";
export type { SimulationResult, SimulateOptions, SimulationPlan, SimulationContext, RulesSimulationContext,
  StrategyLike, PathwayLike, PathwayStepLike, StrategyColumns, OutcomeModel, OutcomeParameters, TreatmentOutcome,
  ParameterChoice, OutcomeAssumptionName, SimulationSummary, StrategySummary, EndpointSummary, SummaryEstimate,
  CalibrationEntry, ReplicateSpread, ReplicateSummary, PatientsChunk, PatientsTableColumns, PatientsTableLabels,
  SequencingModel, SequencingSummary, StrategySequencing, StructureFit, OutcomeStructure, EvidenceSet,
  EvidenceChoice, SequencingAssumptionName, StrategyComparison, ComparedQuantity, EndpointComparison, MonteCarloInterval,
  ComparisonBatch, EndpointColumns, HeadToHead, HeadToHeadPoint, HeadToHeadDifference,
  TreatmentCurve, CurveCalibration, CalibrationLandmark, ParameterSampling, ParameterSamplingRow, SampledRecord, SummaryTables } from "./simulate/index.js";

// Survival analysis: Kaplan–Meier, quantiles, log-rank, Cox, RMST, matching R's survival
export { kaplanMeier, kaplanMeierByGroup, kaplanMeierFromTable, eventTable, labelLevels, survivalQuantile,
  survivalAt, numbersAtRisk, logRank, logRankFromTable, coxPh, coxPhFromTable, rmst, rmstFromKaplanMeier,
  rmstDifference, rmstContrast, maxRmstTau, ConfTypes, isConfType, CoxTies, isCoxTies, twoGroupEfronCox, eventTimes, mergeEventTimes,
  eventTableFromTimes } from "./analysis/index.js";
export type { KaplanMeierResult, KaplanMeierOptions, GroupKaplanMeier, QuantileEstimate, ConfType, EventTable,
  EventTableOptions, Label, SurvivalAtResult, LogRankOptions, LogRankResult, CoxTerms, CoxOptions, CoxResult,
  ChiSquareTest, RmstResult, RmstDifferenceResult, TwoGroupCoxFit, EventTimes } from "./analysis/index.js";

// Parametric fits and published curves: survreg-compatible fits, Gompertz and piecewise exponential; patient data reconstructed from a digitised curve (Guyot et al. 2012)
export { fitParametric, fitParametricModels, fitParametricModelsFromTable, fittedSurvivalModel,
  fittedModelParameters, survivalModelOfFit, FitDistribution, isFitDistribution, fitDistributions, survregDistributionName,
  prepareDigitisedCurve, digitiseKaplanMeier, reconstructIpd } from "./analysis/index.js";
export type { ParametricFit, SurvregEstimates, GroupEffect, FitParametricOptions, FittedModelParameters,
  FittedModelOptions, SurvivalScale, DigitisedCurveOptions, DigitisedCurve, DigitiseOptions, DigitisedPoints,
  RiskTable, ReconstructOptions, ReconstructedIpd } from "./analysis/index.js";

// Figures: Vega-Lite specs of the publication figures, and their theme
export { kmComparisonSpec, forestPlotSpec, tornadoSpec, compositionSpec, powerCurveSpec, kmStepRows, kmCensorRows,
  timeAxisTitle, figureConfig, figureFont, fontSizes, okabeIto, seriesColours, seriesDashes, seriesColour,
  seriesDash, journalWidthsMm, widthMm, pointsFromMm, pixelsFromMm, pointsPerInch, millimetresPerInch,
  pixelsPerMetre, niceTimeStep, niceTimeTicks, formatNumberOrNR, formatEstimateInterval, formatPValue,
  SurvivalEndpoints, isSurvivalEndpoint, endpointNames, specJson, readPngInfo, setPngMetadata,
  sequentialBoundarySpec, parametricFitSpec, validationPlotSpec, strategyStyles, strategyStyle, strategyColours, survivalDifferenceSpec } from "./figures/index.js";
export type { KmCurveInput, KmFigureOptions, KmStepRow, KmCensorRow, HazardRatioAnnotation, SurvivalEndpoint,
  ForestRow, ForestPlotOptions, TornadoRow, TornadoOptions, CompositionRow, CompositionOptions, PowerCurveRow,
  PowerCurveOptions, JournalWidth, FigureWidth, PngInfo, SequentialBoundaryLook, SequentialBoundaryOptions,
  FittedCurveInput, ParametricFitFigureOptions, ValidationPlotRow, ValidationPlotOptions, SeriesStyle, SurvivalDifferenceRow, SurvivalDifferenceOptions } from "./figures/index.js";

// Reports: report assembly: tables, figures, methods text, Markdown and HTML
export { buildReport, reportInputFromSimulation, analyseReport, reportTables, reportFigures, methodsText,
  reportDocument, reportMarkdown, reportHtml, researchUseNotice, provenanceOf, provenanceLine, safeCsvTable,
  safeCsvCell, ReportEndpoints, validationSection, validationPlotRows, trialName } from "./report/index.js";
export type { ReportInput, ReportScenario, ReportStrategy, ReportEndpointData, ReportSubgroup, ReportCalibrationRow,
  ReportReplicate, ReportProvenance, ReportOptions, ReportAnalysis, EndpointAnalysis, StrategyAnalysis,
  SubgroupHazardRatio, HazardRatioEstimate, ReportEndpoint, ReportTable, ReportColumn, ReportFigure,
  ReportFigureOptions, ReportDocument, CsvCellValue, SimulationRun, ReportOutcomeModel, ReportSequencingRow,
  ReportStructureRow, ReportValidation, ReportSection } from "./report/index.js";

// Trial planning: power and sample size by simulation, with Schoenfeld's and Freedman's formulas
export { parseTrialDesign, trialDesignJsonSchema, twoArmDesign, resolveDesign, designDefaults, maximumTrialSize,
  dropoutRateFromAnnualProportion, generateTrial, simulateTrials, simulatePower, findSampleSize, powerCurve,
  analyticPower, schoenfeldEvents, schoenfeldPower, freedmanEvents, freedmanPower, eventProbability,
  exponentialEventProbability, accrualDuration, accrualCdf, accrualQuantile, wilsonInterval, TrialEndpoints,
  isTrialEndpoint, TestKinds, isTestKind, Multiplicities, isMultiplicity, planSequential, groupSequentialDesign,
  sequentialSurvivalPlan, sequentialCharacteristics, sequentialOutcomeProbabilities, groupSequentialProbabilities,
  spentAt, SpendingFamilies, isSpendingFamily } from "./trials/index.js";
export type { TrialDesign, TrialArm, ArmSurvivalSpec, ArmMixtureComponent, AccrualSpec, DropoutSpec, StratumSpec,
  TestSpec, TrialEndpoint, TestKind, Multiplicity, TwoArmOptions, ResolvedDesign, TrialData, TrialOutcomes,
  PowerResult, ComparisonSummary, Quantiles, MedianDifferenceSummary, SampleSizeStep, SampleSizeResult,
  PowerCurvePoint, AnalyticComparison, FormulaAnswer, AnalyticPower, SequentialSpec, SequentialFutilitySpec,
  DropoutPiece, GroupSequentialSpec, EfficacyBoundSpec, FutilityBoundSpec, GroupSequentialDesign,
  GroupSequentialProbabilities, SequentialCharacteristics, SequentialOutcomeProbabilities, SequentialSurvivalPlan,
  SurvivalLook, PlanRequest, SpendingFamily, SequentialOutcomes } from "./trials/index.js";
export { simulateSequential, summarizeSequential } from "./trials/simulateSequential.js";
export type { SequentialSimulation, SimulatedLook, SimulatedEstimate } from "./trials/simulateSequential.js";
export type { TrialRunner } from "./trials/TrialRunner.js";

// Validation against published trials: trial files, their emulation with the outcome model, circularity found in the registry
export { trialFileSpec, parseTrialFile, trialFileProblems, trialFileJsonSchema, trialPopulationSpec, trialCohortSpec,
  trialPathwaySteps, pathwayStepLines, emulateTrial, modelEvidenceInputs, trialCircularity, trialDois,
  compareWithPublished, validationSummary, validateTrials } from "./validation/index.js";
export type { TrialFile, TrialPopulation, TrialFileVocabulary, TrialPathwayInput, TrialEmulationSetup, EmulatedEndpoint,
  TrialEmulation, ModelEvidenceInput, CircularInput, TrialCircularity, EndpointValidation, TrialValidation,
  HazardRatioCount, ValidationSummary, ValidationResult } from "./validation/index.js";

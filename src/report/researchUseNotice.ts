/** The notice every report, table and figure page carries (README, CLI help and reports say the same). */
export const researchUseNotice =
  "Research use only. pnen-sim simulates cohorts from published summary figures and labelled assumptions; it does not advise on the diagnosis or treatment of any patient, and its output is not clinical evidence.";

import type { EnetsType } from "../cohort/Patient.js";
import { enetsTypeFromPattern, type MetastasisPattern } from "../cohort/parsePatient.js";

/**
 * ENETS type of pNEN liver metastases from their pattern (review, introduction, ref. 11): I — one lobe, no
 * contralateral lesions; II — mainly one lobe with small contralateral satellites; III — diffuse bilobar.
 * The mapping lives with the patient parser (src/cohort, upstream of the rules); see {@link enetsTypeFromPattern}. O(1).
 */
export function enetsType(pattern: MetastasisPattern): EnetsType {
  return enetsTypeFromPattern(pattern);
}

/**
 * A national period life table (data/evidence/lifeTables.json): the probability q of dying within a year at
 * each single year of age, by sex, from `firstAge` on. The simulation turns it into a piecewise-constant
 * hazard −ln(1 − q) per year of age for deaths from other causes (src/simulate `backgroundMortality`).
 */
export interface LifeTable {
  readonly id: string;
  readonly name: string;
  /** Citation of the table. */
  readonly source: string;
  readonly note?: string;
  readonly firstAge: number;
  readonly probabilityOfDeath: { readonly male: readonly number[]; readonly female: readonly number[] };
}

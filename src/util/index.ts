export * from "./InputError.js";
export * from "./integerKeyTable.js";
export * from "./sortedSearch.js";

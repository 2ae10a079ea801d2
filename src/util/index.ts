export * from "./InputError.js";
export * from "./integerKeyTable.js";
export * from "./sortedSearch.js";
export * from "./typedArraysAsArrays.js";

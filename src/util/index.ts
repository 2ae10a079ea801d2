export * from "./InputError.js";
export * from "./integerKeyTable.js";

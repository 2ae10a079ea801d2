export * from "./InputError.js";

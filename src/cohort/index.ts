export * from "./Patient.js";

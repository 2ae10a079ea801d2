export * from "./randomSource.js";

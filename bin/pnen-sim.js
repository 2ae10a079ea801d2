#!/usr/bin/env node
// Thin launcher: the command is compiled to dist/ by `npm run build` (run by `npm start` and `npm test`).
import { main } from "../dist/cli/main.js";
main(process.argv.slice(2)).then((code) => { process.exitCode = code; });

#!/usr/bin/env node
// Thin launcher: the command is compiled to dist/ by `npm run build` (run by `npm start` and `npm test`).
import { main } from "../dist/cli/main.js";

// `pnen-sim evidence | head` closes the pipe early: stop quietly instead of printing an EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
}
main(process.argv.slice(2)).then((code) => { process.exitCode = code; });

// The thread that runs fuzz cases through the CLI in process (test/fuzz/cliRunner.ts starts it). It registers tsx so
// that it runs the TypeScript sources, the same code as the tests, not a possibly stale dist/.
import { register } from "tsx/esm/api";

register();
await import("./fuzzWorkerMain.ts");

import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSync } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";

// package.json declares "sideEffects" (issue 14): only the worker-thread entry files run code when imported, so a
// bundler may drop every module whose exports go unused. Checked two ways: esbuild bundles a consumer of one
// function through the package (as a user's bundler would) to a few kilobytes, and every module of dist/ that is
// not declared as having side effects leaves nothing behind when bundled for its side effects alone.

const root = new URL("..", import.meta.url).pathname;
const folder = mkdtempSync(join(tmpdir(), "pnen-sim-bundle-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { sideEffects: string[] };

describe("package.json sideEffects", () => {
  it("a bundle that imports only kaplanMeier from pnen-sim stays small (37.7 kB before sideEffects was declared)", () => {
    mkdirSync(join(folder, "node_modules"), { recursive: true });
    symlinkSync(root, join(folder, "node_modules", "pnen-sim"));
    writeFileSync(join(folder, "entry.js"), 'import { kaplanMeier } from "pnen-sim";\nconsole.log(kaplanMeier([1, 2], [1, 0]).median);\n');
    const result = buildSync({ entryPoints: [join(folder, "entry.js")], absWorkingDir: folder, bundle: true, minify: true, format: "esm", platform: "browser", write: false, logLevel: "silent" });
    const bytes = result.outputFiles[0]!.contents.length;
    expect(bytes).toBeLessThan(10_000);
    expect(result.outputFiles[0]!.text).not.toContain("seedrandom");
  });

  it("sideEffects names exactly the worker entry files, and they exist in dist/", () => {
    expect(pkg.sideEffects.sort()).toEqual(["./dist/simulate/simulationWorkerNode.js", "./dist/trials/powerWorkerEntryNode.js"]);
    for (const file of pkg.sideEffects) expect(() => readFileSync(join(root, file))).not.toThrow();
  });

  it("every other module of src/ has no top-level statement but declarations (what sideEffects: false promises)", () => {
    const files = buildSync({ entryPoints: [join(root, "src/index.ts"), join(root, "src/node.ts")], bundle: true, write: false, metafile: true, platform: "node", format: "esm", packages: "external", outdir: folder, logLevel: "silent" });
    const modules = Object.keys(files.metafile!.inputs).filter((file) => file.startsWith("src/"));
    expect(modules.length).toBeGreaterThan(150);
    const offenders: string[] = [];
    for (const module of modules) {
      const text = readFileSync(join(root, module), "utf8");
      // A top-level line that starts a statement other than a declaration, an import/export or a comment.
      for (const line of text.split("\n")) {
        if (/^(?!import |export |const |let |function |async function |class |interface |type |abstract class |\/\/|\/\*| \*|\*\/|\}|\]|\)|$)[A-Za-z_$(]/.test(line) && !line.startsWith("declare ")) {
          offenders.push(`${module}: ${line.slice(0, 80)}`);
        }
      }
    }
    // Lines inside template literals (help texts, HTML) start with letters too: keep only real statements.
    const statements = offenders.filter((line) => /[;{]\s*$|\(\s*$|=\s*/.test(line.split(": ").slice(1).join(": ")) && /^\S+: [a-zA-Z_$.]+(\.[a-zA-Z_$]+)*\s*(\(|=[^=>]|\+\+|--)/.test(line));
    expect(statements).toEqual([]);
  });
});

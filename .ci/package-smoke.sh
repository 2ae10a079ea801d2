#!/usr/bin/env bash
# A new user's install of pnen-sim (issue 14): pack the tarball, install it into a fresh folder WITHOUT any
# override, and use it from there — the CLI through npx, ESM imports of "pnen-sim" and "pnen-sim/node", and a
# TypeScript type-check of a consumer file. Prints the install size (quoted in README.md, "Install as a library").
# Run from the repository root after `npm ci` (it uses the repository's own TypeScript compiler):
#   bash .ci/package-smoke.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== pack (prepack builds dist/)"
tarball="$(cd "$root" && npm pack --silent --pack-destination "$work" | tail -1)"
echo "packed $tarball ($(du -k "$work/$tarball" | cut -f1) KiB)"
tar -tzf "$work/$tarball" > "$work/files.txt"
for file in package/dist/index.js package/dist/node.d.ts package/bin/pnen-sim.js package/LICENSE package/data/scenarios/default.json; do
  grep -qx "$file" "$work/files.txt" || { echo "the tarball lacks $file"; exit 1; }
done

echo "== install into a fresh folder, no overrides"
mkdir "$work/consumer"
cd "$work/consumer"
npm init -y >/dev/null
grep -q overrides package.json && { echo "unexpected overrides in the consumer's package.json"; exit 1; }
npm install --no-audit --no-fund "$work/$tarball"
size="$(du -sm node_modules | cut -f1)"
echo "install size: ${size} MB in node_modules, $(npm ls --all --parseable 2>/dev/null | tail -n +2 | wc -l) packages"

echo "== the CLI through npx"
npx --no-install pnen-sim --help > help.txt
grep -q "Usage: pnen-sim <command>" help.txt
npx --no-install pnen-sim --version
printf 'months,status,arm\n5,2,A\n4,2,B\nNA,2,A\n12,2,B\n3,2,A\n9,1,A\n15,2,B\n7,1,B\n' > trial.csv
npx --no-install pnen-sim km --input trial.csv --time months --event status --group arm | tee km.txt
grep -q "dropped 1 row with a missing time" km.txt
npx --no-install pnen-sim km --input - --time months --event status --group arm --json < trial.csv > km.json
node -e 'const j = JSON.parse(require("fs").readFileSync("km.json", "utf8")); if (j.input.eventCoding !== "1/2" || j.groups.length !== 2) process.exit(1)'
npx --no-install pnen-sim simulate --n 2000 --seed 7 --out sim --format parquet
npx --no-install pnen-sim km --input sim/patients.parquet --time os_months --event os_event --group strategy > /dev/null
npx --no-install pnen-sim simulate --n 2000 --seed 7 --out sim-arrow --format arrow > /dev/null
test -s sim-arrow/patients.arrow

echo "== ESM imports of pnen-sim and pnen-sim/node"
cat > check.mjs <<'JS'
import { kaplanMeier, logRank, coxPh, typedArraysAsArrays } from "pnen-sim";
import { readSurvivalData, runSimulationNode } from "pnen-sim/node";
const km = kaplanMeier([6, 6, 6, 7, 10, 13, 16, 22, 23], [1, 1, 1, 0, 1, 1, 1, 1, 1]);
if (km.median.estimate !== 13) throw new Error(`median ${km.median.estimate}`);
if (!JSON.stringify(km).includes('"time":[6,7,10,13,16,22,23]')) throw new Error("toJSON");
const data = await readSurvivalData("trial.csv", { time: "months", event: "status", group: "arm" });
if (data.rows !== 7 || data.dropped.time !== 1) throw new Error("readSurvivalData");
console.log("imports ok:", typeof logRank, typeof coxPh, typeof runSimulationNode, typeof typedArraysAsArrays);
JS
node check.mjs

echo "== TypeScript type-check of a consumer file (strict, library declarations checked too)"
npm install --no-audit --no-fund --save-dev "@types/node@^20.19.0" >/dev/null
cat > consumer.ts <<'TS'
import { kaplanMeier, type KaplanMeierResult, logRank, type Patient, explainPathway } from "pnen-sim";
import { readSurvivalData, type SurvivalData, runSimulationNode, type SimulationRunOptions } from "pnen-sim/node";
const km: KaplanMeierResult = kaplanMeier([1, 2, 3], [1, 0, 1], { confType: "log-log" });
const median: number | null = km.median.estimate;
const test = logRank([1, 2, 3, 4], [1, 1, 0, 1], ["a", "a", "b", "b"]);
const p: number = test.p;
async function read(): Promise<SurvivalData> {
  return readSurvivalData("trial.csv", { time: "months", event: "status" }, { na: "omit", eventCoding: "1/2" });
}
const options: SimulationRunOptions = { scenario: "default", cwd: ".", n: 100, format: "arrow" };
export { median, p, read, options, runSimulationNode, explainPathway };
export type { Patient };
TS
cat > tsconfig.json <<'JSON'
{ "compilerOptions": { "target": "ES2022", "module": "NodeNext", "moduleResolution": "NodeNext", "strict": true, "noEmit": true, "skipLibCheck": false, "types": ["node"] }, "files": ["consumer.ts"] }
JSON
"$root/node_modules/.bin/tsc" -p tsconfig.json
echo "type-check ok"
echo "== package smoke test passed (install size ${size} MB)"

import { loadStrategies } from "../../io/loadStrategies.js";
import { choiceDefinitions } from "../../rules/index.js";
import { researchUseNotice } from "../../report/researchUseNotice.js";
import type { Command } from "../Command.js";
import { packageVersion } from "../main.js";
import { parseFlags } from "../parseFlags.js";

const help = `pnen-sim strategies — list the treatment strategies that can be compared

Usage: pnen-sim strategies [--choices] [--json]

Each strategy (data/strategies/<id>.json) is the review's logic with some named choices overridden.

Flags:
  --choices   also list the named choices, their values and defaults
  --json      print the strategies (and choices) as JSON
`;

export const strategiesCommand: Command = {
  name: "strategies",
  summary: "List the treatment strategies that can be compared",
  help,
  async run(args, io) {
    const { values } = parseFlags("strategies", args, {
      choices: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
    });
    const strategies = loadStrategies();
    if (values.json) {
      const out = strategies.map((s) => ({ id: s.id, name: s.name, description: s.description, overrides: s.overrides }));
      io.stdout(`${JSON.stringify(values.choices ? { version: packageVersion(), notice: researchUseNotice, strategies: out, choices: choiceDefinitions } : out, null, 2)}\n`);
      return 0;
    }
    const width = Math.max(...strategies.map((s) => s.id.length));
    const lines = strategies.map((s) => `${s.id.padEnd(width)}  ${s.description}`);
    if (values.choices) {
      lines.push("", "Named choices (default first):");
      for (const c of choiceDefinitions) {
        const others = c.values.filter((v) => v !== c.default).map((v) => JSON.stringify(v));
        lines.push(`  ${c.name} = ${JSON.stringify(c.default)}${others.length > 0 ? ` (or ${others.join(", ")})` : ""}  [§${c.section}]`, `      ${c.description}`);
      }
    }
    lines.push("", `pnen-sim ${packageVersion()}. ${researchUseNotice}`);
    io.stdout(`${lines.join("\n")}\n`);
    return 0;
  },
};

import type { Command } from "../Command.js";

// Placeholder until the issue that builds this command lands.
export const evidenceCommand: Command = {
  name: "evidence",
  summary: "(not built yet)",
  help: "pnen-sim evidence: not built yet",
  async run(_args, io) {
    io.stderr("pnen-sim evidence: not built yet\n");
    return 1;
  },
};

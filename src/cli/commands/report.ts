import type { Command } from "../Command.js";

// Placeholder until the issue that builds this command lands.
export const reportCommand: Command = {
  name: "report",
  summary: "(not built yet)",
  help: "pnen-sim report: not built yet",
  async run(_args, io) {
    io.stderr("pnen-sim report: not built yet\n");
    return 1;
  },
};

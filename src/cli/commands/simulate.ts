import type { Command } from "../Command.js";

// Placeholder until the issue that builds this command lands.
export const simulateCommand: Command = {
  name: "simulate",
  summary: "(not built yet)",
  help: "pnen-sim simulate: not built yet",
  async run(_args, io) {
    io.stderr("pnen-sim simulate: not built yet\n");
    return 1;
  },
};

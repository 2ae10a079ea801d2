import type { Command } from "../Command.js";

// Placeholder until the issue that builds this command lands.
export const explainCommand: Command = {
  name: "explain",
  summary: "(not built yet)",
  help: "pnen-sim explain: not built yet",
  async run(_args, io) {
    io.stderr("pnen-sim explain: not built yet\n");
    return 1;
  },
};

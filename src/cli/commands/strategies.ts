import type { Command } from "../Command.js";

// Placeholder until the issue that builds this command lands.
export const strategiesCommand: Command = {
  name: "strategies",
  summary: "(not built yet)",
  help: "pnen-sim strategies: not built yet",
  async run(_args, io) {
    io.stderr("pnen-sim strategies: not built yet\n");
    return 1;
  },
};

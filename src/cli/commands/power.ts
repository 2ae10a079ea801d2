import type { Command } from "../Command.js";

// Placeholder until the issue that builds this command lands.
export const powerCommand: Command = {
  name: "power",
  summary: "(not built yet)",
  help: "pnen-sim power: not built yet",
  async run(_args, io) {
    io.stderr("pnen-sim power: not built yet\n");
    return 1;
  },
};

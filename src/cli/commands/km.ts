import type { Command } from "../Command.js";

// Placeholder until the issue that builds this command lands.
export const kmCommand: Command = {
  name: "km",
  summary: "(not built yet)",
  help: "pnen-sim km: not built yet",
  async run(_args, io) {
    io.stderr("pnen-sim km: not built yet\n");
    return 1;
  },
};

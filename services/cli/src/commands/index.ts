import type { Command } from "../command";

/** Every `zw` subcommand, in the order `zw --help` lists them. */
export const commands: Command[] = [];

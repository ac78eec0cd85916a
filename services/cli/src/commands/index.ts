import type { Command } from "../command";
import { numbers } from "./numbers";

/** Every `zw` subcommand, in the order `zw --help` lists them. */
export const commands: Command[] = [numbers];

import type { Command } from "../command";
import { baseline } from "./baseline";
import { compare } from "./compare";
import { estimate } from "./estimate";
import { extract } from "./extract";
import { history } from "./history";
import { numbers } from "./numbers";

/** Every `zw` subcommand, in the order `zw --help` lists them. */
export const commands: Command[] = [extract, numbers, baseline, compare, estimate, history];

import { type CommandIo, UsageError } from "./command";
import { commands } from "./commands/index";

export function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length), 4);
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    "zw: Zahlenwacht, watches the news for North Korea's troop figures and alerts Discord.",
    "",
    "Usage: zw <command> [options]    (zw <command> --help for its options)",
    "",
    "Commands:",
    ...lines,
    "",
  ].join("\n");
}

/** Runs one `zw` invocation and returns its exit code; never throws. */
export async function runCli(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(helpText());
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`zw: unknown command "${name}". Run zw --help for the list.\n`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout.write(`${command.usage.trimEnd()}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.stderr.write(`zw ${name}: ${error.message}\n`);
      return 2;
    }
    io.stderr.write(`zw ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

/** node:util parseArgs rejects unknown or malformed options with these codes: a usage error. */
function isParseArgsError(error: unknown): error is Error {
  return error instanceof Error && String((error as NodeJS.ErrnoException).code).startsWith("ERR_PARSE_ARGS");
}

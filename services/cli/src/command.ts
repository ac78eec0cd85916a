/** One `zw` subcommand. `run` returns the process exit code. */
export interface Command {
  name: string;
  /** One line for `zw --help`. */
  summary: string;
  /** Usage and options, printed by `zw <name> --help`. */
  usage: string;
  run(args: string[], io: CommandIo): Promise<number>;
}

export interface CommandIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** A user error: printed without a stack trace, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

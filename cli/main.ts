import type { Catalogue } from "../shared/text/catalogue.ts";
import { closestWord } from "../shared/text/closest.ts";
import type { Io } from "./output.ts";
import { EXIT_OK, bilingual } from "./output.ts";
import type { CommandName } from "./usage.ts";
import { COMMAND_NAMES, isCommandName, usageAll, usageError, usageOf } from "./usage.ts";

type Command = (argv: readonly string[], io: Io) => Promise<number>;

/** `npm run -s ntm -- <command>`: the command line of docs/interfaces.md. Commands load on demand. */
const COMMANDS: Record<CommandName, () => Promise<Command>> = {
  template: async () => (await import("./commands/template.ts")).templateCommand,
  validate: async () => (await import("./commands/validate.ts")).validateCommand,
  convert: async () => (await import("./commands/convert.ts")).convertCommand,
  consolidate: async () => (await import("./commands/consolidate.ts")).consolidateCommand,
  submit: async () => (await import("./commands/submit.ts")).submitCommand,
  status: async () => (await import("./commands/status.ts")).statusCommand,
  review: async () => (await import("./commands/review.ts")).reviewCommand,
  round: async () => (await import("./commands/round.ts")).roundCommand,
  audit: async () => (await import("./commands/audit.ts")).auditCommand,
  report: async () => (await import("./commands/report.ts")).reportCommand,
  token: async () => (await import("./commands/token.ts")).tokenCommand,
  setup: async () => (await import("./commands/setup.ts")).setupCommand,
  targets: async () => (await import("./commands/targets.ts")).targetsCommand,
};

export const MAIN_TEXTS = {
  noCommand: { vi: "chưa có lệnh", en: "no command given" },
  unknownCommand: { vi: 'không có lệnh "{command}"', en: 'unknown command "{command}"' },
  didYouMean: {
    vi: 'không có lệnh "{command}". Có phải ý bạn là "{suggestion}"?',
    en: 'unknown command "{command}". Did you mean "{suggestion}"?',
  },
  unexpected: { vi: "lỗi không mong đợi", en: "unexpected error" },
} satisfies Catalogue;

const HELP = new Set(["help", "--help", "-h"]);

/** True when `--help` or `-h` comes before any `--` (after it, they are file names). */
function asksForHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf("--");
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === "--help" || a === "-h");
}

/** An unknown command: say so, with the nearest command if there is one, and list the usage (exit 1). */
function unknownCommand(io: Io, command: string): number {
  const suggestion = closestWord(command, [...COMMAND_NAMES, "help"]);
  return usageError(
    io,
    null,
    suggestion ? bilingual(MAIN_TEXTS, "didYouMean", { command, suggestion }) : bilingual(MAIN_TEXTS, "unknownCommand", { command }),
  );
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== undefined && HELP.has(command)) {
    // `ntm help`, `ntm --help`: every command; `ntm help submit`: that one.
    const topic = rest[0];
    if (topic === undefined) {
      io.stdout(usageAll());
      return EXIT_OK;
    }
    if (!isCommandName(topic)) return unknownCommand(io, topic);
    io.stdout(usageOf(topic));
    return EXIT_OK;
  }
  if (!command) return usageError(io, null, bilingual(MAIN_TEXTS, "noCommand"));
  if (!isCommandName(command)) return unknownCommand(io, command);
  if (asksForHelp(rest)) {
    io.stdout(usageOf(command));
    return EXIT_OK;
  }
  return (await COMMANDS[command]())(rest, io);
}

function write(stream: NodeJS.WriteStream): (text: string) => void {
  return (text) => {
    stream.write(text);
  };
}

if (import.meta.main) {
  const io: Io = { stdout: write(process.stdout), stderr: write(process.stderr), env: process.env };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`ntm: ${bilingual(MAIN_TEXTS, "unexpected")}: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}

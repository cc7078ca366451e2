import { EXIT_USAGE, type CliIO } from './io';
import { VERSION } from './version';

const USAGE = `Usage: release-post <command> [options]

Commands:
  lint [--format text|json|github|sarif] [--config FILE] [--fix] [--stdin-filename NAME] PATH...|-
                                                             check posts (files or folders)
  new --version X.Y.Z [--date YYYY-MM-DD] [--author NAME] [--twitter HANDLE] [--gravatar HASH]
      [--site DIR] [--changelog FILE] [--template FILE] [--update-data-file]
                                                             write a new release post
  render POST [-o OUT.html|-] [--no-problems] [--remote-images]
                                                             render a post as the site shows it
  conventions [--site DIR] [--format text|json]              show what was learned about the site

Run "release-post <command> --help" for a command's details.

Options:
  -h, --help       show this help
  -v, --version    show the version
`;

type Command = (argv: string[], io: CliIO) => Promise<number>;

const commands: Record<string, () => Promise<Command>> = {
  lint: async () => (await import('./lint')).lintCommand,
  new: async () => (await import('./new')).newCommand,
  render: async () => (await import('./render')).renderCommand,
  conventions: async () => (await import('./conventions')).conventionsCommand,
};

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    io.out(USAGE);
    return name ? 0 : EXIT_USAGE;
  }
  if (name === '-v' || name === '--version') {
    io.out(`${VERSION}\n`);
    return 0;
  }
  const load = commands[name];
  if (!load) {
    io.err(`release-post: unknown command "${name}". Run "release-post --help" for the list.\n`);
    return EXIT_USAGE;
  }
  const command = await load();
  return command(rest, io);
}

if (require.main === module) {
  const io: CliIO = {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      io.err(`release-post: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = EXIT_USAGE;
    },
  );
}

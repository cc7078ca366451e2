import * as path from 'node:path';
import * as fs from 'node:fs';
import { conventionsReport, formatConventions } from '../core/site/conventionsReport';
import { loadSite } from '../core/site/model';
import { findSiteInFolder, whatWasLookedFor } from '../core/site/workspace';
import { EXIT_OK, EXIT_USAGE, type CliIO } from './io';

const USAGE = `Usage: release-post conventions [--site DIR] [--format text|json]

Prints what Release Post detected and learned about the site at DIR (default: the current folder): its generator,
posts folder, front-matter format, how a post gets its date and URL, its release posts and their naming, the fields
every post has, with the config file or post each value came from.
`;

interface Args {
  site: string;
  format: 'text' | 'json';
  help: boolean;
}

function parseArgs(argv: string[]): Args | { error: string } {
  const args: Args = { site: '.', format: 'text', help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') args.help = true;
    else if (a === '--site' || a === '--format') {
      const value = argv[++i];
      if (value === undefined) return { error: `${a} needs a value` };
      if (a === '--site') args.site = value;
      else if (value === 'text' || value === 'json') args.format = value;
      else return { error: `unknown format "${value}" (text or json)` };
    } else return { error: `unknown argument "${a}"` };
  }
  return args;
}

/** `release-post conventions`: 0 when a site was recognised, 2 otherwise. */
export async function conventionsCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv);
  if ('error' in args) {
    io.err(`release-post conventions: ${args.error}. Run "release-post conventions --help" for usage.\n`);
    return EXIT_USAGE;
  }
  if (args.help) {
    io.out(USAGE);
    return EXIT_OK;
  }
  const folder = path.resolve(io.cwd, args.site);
  if (!fs.existsSync(folder)) {
    io.err(`release-post conventions: no folder "${args.site}".\n`);
    return EXIT_USAGE;
  }
  const site = findSiteInFolder(folder);
  const model = site?.model ?? (site ? loadSite(site.root) : undefined);
  if (!site || !model) {
    io.err(`release-post conventions: no site recognised in "${args.site}": ${whatWasLookedFor(folder, site)}.\n`);
    return EXIT_USAGE;
  }
  const report = conventionsReport(site, model);
  io.out(args.format === 'json' ? JSON.stringify(report, null, 2) + '\n' : formatConventions(report).join('\n') + '\n');
  return EXIT_OK;
}

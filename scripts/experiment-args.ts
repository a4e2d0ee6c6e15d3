// The command line of the scripts that take experiment ids (stored-runs, verify-claims, check-seeds):
// `npm run <command> [-- <id> ...] [--flag ...]`, every experiment when no id is given.
import { experimentIds } from '~/experiments';

/** The ids named (all when none) and the flags given; undefined after printing the usage or naming unknown ids (exit code 2). */
export function experimentArgs(command: string, flags: string[] = []): { ids: string[]; flags: Set<string> } | undefined {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  if (args.includes('--help') || args.includes('-h')) {
    const usage = [`npm run ${command} [-- <id> ...]`, ...flags.map((f) => `[${f}]`)].join(' ');
    console.log(`usage: ${usage}\nexperiments: ${experimentIds.join(', ')} (default: all)`);
    return undefined;
  }
  const named = args.filter((a) => !flags.includes(a));
  const unknown = named.filter((a) => !experimentIds.includes(a));
  if (unknown.length) {
    console.error(`unknown experiment id${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}; allowed: ${experimentIds.join(', ')}`);
    process.exitCode = 2;
    return undefined;
  }
  return { ids: named.length ? named : [...experimentIds], flags: new Set(args.filter((a) => flags.includes(a))) };
}

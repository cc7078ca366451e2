/**
 * `thanks-vs-git`: a post's Thanks list against the people of its release range in git: someone with commits who
 * is not thanked, a listed name with no commit in the range, one person listed under two spellings. Pure: the
 * caller runs git and passes the people (only when the repository and the range are known).
 */
import type { ParsedPost } from '../post/parse';
import { personKey } from '../text/personName';
import { thanksSections } from './contributors';
import type { Finding } from './types';

export const THANKS_VS_GIT = 'thanks-vs-git';

export interface ReleasePeople {
  /** Each person of the range: the name shown and every spelling of their commits. */
  persons: { name: string; spellings: string[] }[];
  /** `1.9.0..1.10.0` */
  range: string;
  /** The git command that shows the same people. */
  command: string;
}

export function checkThanksAgainstGit(post: ParsedPost, people: ReleasePeople): Finding[] {
  const byKey = new Map<string, number>();
  people.persons.forEach((p, i) => {
    for (const s of [p.name, ...p.spellings]) byKey.set(personKey(s), i);
  });
  const see = `(see \`${people.command}\`)`;
  const findings: Finding[] = [];
  for (const section of thanksSections(post)) {
    const thanked = new Map<number, string>();
    for (const entry of section.names) {
      const range = { start: post.lines.positionAt(entry.start), end: post.lines.positionAt(entry.end) };
      const who = byKey.get(personKey(entry.name));
      if (who === undefined) {
        findings.push({ rule: THANKS_VS_GIT, message: `${entry.name} has no commit in ${people.range} ${see}`, range });
      } else if (thanked.has(who)) {
        findings.push({ rule: THANKS_VS_GIT, message: `${entry.name} and ${thanked.get(who)} are one person in git (one e-mail address or .mailmap) ${see}`, range });
      } else {
        thanked.set(who, entry.name);
      }
    }
    const missing = people.persons.filter((_, i) => !thanked.has(i)).map((p) => p.name);
    if (missing.length) {
      const range = { start: post.lines.positionAt(section.countStart), end: post.lines.positionAt(section.countEnd) };
      const list = missing.length > 8 ? `${missing.slice(0, 8).join(', ')} and ${missing.length - 8} more` : missing.join(', ');
      findings.push({ rule: THANKS_VS_GIT, message: `${missing.length} ${missing.length === 1 ? 'person' : 'people'} with commits in ${people.range} ${missing.length === 1 ? 'is' : 'are'} not thanked: ${list} ${see}`, range });
    }
  }
  return findings;
}

/** The generators Release Post recognises, most specific first; adding one is adding a module to this list. */
import { astro } from './astro';
import { docusaurus } from './docusaurus';
import { eleventy } from './eleventy';
import { hexo } from './hexo';
import { hugo } from './hugo';
import { jekyll } from './jekyll';
import { middleman } from './middleman';
import { zola } from './zola';
import type { Generator, GeneratorFacts } from './types';

export type { DateSource, Generator, GeneratorFacts, GeneratorName } from './types';

export const GENERATORS: Generator[] = [docusaurus, astro, eleventy, zola, hugo, hexo, jekyll, middleman];

/** The generator whose own files are at `root`, with what they say; undefined when none is recognised. */
export function detectGenerator(root: string): GeneratorFacts | undefined {
  for (const generator of GENERATORS) {
    try {
      const facts = generator.detect(root);
      if (facts) return facts;
    } catch {
      // A generator that cannot read its config does not own the site.
    }
  }
  return undefined;
}

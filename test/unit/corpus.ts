import * as fs from 'node:fs';
import * as path from 'node:path';

/** The read-only Mesos corpus beside the project (`../shared/corpus/mesos`); absent when the project is cloned alone. */
export const CORPUS = path.resolve(__dirname, '../../../shared/corpus/mesos');

export const corpusPresent = (): boolean => fs.existsSync(CORPUS);

/** The other real sites of the corpus (`../shared/corpus/sites/<name>`), each under its own generator. */
export const SITES = path.resolve(__dirname, '../../../shared/corpus/sites');

declare const __VERSION__: string | undefined;

/** The package version, set by the build; "dev" when run from source. */
export const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : 'dev';

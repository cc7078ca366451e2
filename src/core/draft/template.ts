/**
 * Release-post body templates: the built-in one, modelled on the site's usual release post, and `{{variable}}`
 * substitution for it and for a workspace template file.
 */
import type { TextPosition } from '../text/text';
import { TEMPLATE_VARIABLES } from '../text/templateVariables';

export { TEMPLATE_VARIABLES } from '../text/templateVariables';

export type TemplateVariableName = (typeof TEMPLATE_VARIABLES)[number]['name'];

/** A value for every variable (`cursor` is filled in by {@link renderTemplate}). */
export type TemplateVars = Record<Exclude<TemplateVariableName, 'cursor'>, string>;

/** The body of a release post in the site's usual shape (2015-2019 posts). */
export const BUILT_IN_TEMPLATE = `The latest {{project}} release, {{version}}, is now available for [download]({{download_url}}).

{{features_intro}}

{{cursor}}{{features}}

For full release notes with all features and bug fixes, please refer to the [CHANGELOG]({{changelog_url}}).

### Upgrades

Rolling upgrades from {{article}} {{project}} {{previous_version}} cluster to {{project}} {{version}} are straightforward. Please refer to the [upgrade guide]({{upgrades_url}}) for detailed information on upgrading to {{project}} {{version}}.

### Try it out

We encourage you to try out this release and let us know what you think. If you run into any issues, please let us know on the [user mailing list and Slack]({{community_url}}).

### Thanks!

Thanks to the {{contributor_count}} contributors who made {{version}} possible:

{{contributors}}
`;

export interface RenderedTemplate {
  text: string;
  /** One message per unknown variable or unclosed `{{`, naming it and its 1-based line. */
  errors: string[];
  /** Where `{{cursor}}` was, if the template has one. */
  cursor: TextPosition | undefined;
}

const KNOWN = new Set<string>(TEMPLATE_VARIABLES.map((v) => v.name));
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

function lineAt(text: string, offset: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** A multi-line value put after indentation keeps that indentation on its following lines. */
function indentLike(value: string, output: string): string {
  if (!value.includes('\n')) return value;
  const lineStart = output.lastIndexOf('\n') + 1;
  const lead = output.slice(lineStart);
  if (!/^[ \t]+$/.test(lead)) return value;
  return value.replace(/\n(?=[^\n])/g, `\n${lead}`);
}

/** Fills `{{name}}` (spaces inside the braces allowed). Unknown names are errors and stay in the text. */
export function renderTemplate(template: string, vars: TemplateVars): RenderedTemplate {
  const errors: string[] = [];
  const values: Record<string, string> = { ...vars, cursor: '' };
  let out = '';
  let cursor: TextPosition | undefined;
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    const name = m[1];
    out += template.slice(last, m.index);
    last = m.index + m[0].length;
    if (!KNOWN.has(name)) {
      errors.push(`unknown template variable "{{${name}}}" on line ${lineAt(template, m.index) + 1}`);
      out += m[0];
      continue;
    }
    if (name === 'cursor' && !cursor) {
      const line = lineAt(out, out.length);
      cursor = { line, character: out.length - (out.lastIndexOf('\n') + 1) };
    }
    out += indentLike(values[name] ?? '', out);
  }
  out += template.slice(last);
  const closed = new RegExp(PLACEHOLDER.source, 'y');
  for (let i = template.indexOf('{{'); i !== -1; i = template.indexOf('{{', i + 2)) {
    closed.lastIndex = i;
    if (!closed.test(template)) errors.push(`"{{" without a closing "}}" on line ${lineAt(template, i) + 1}`);
  }
  return { text: out, errors, cursor };
}

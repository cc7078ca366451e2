import * as assert from 'node:assert/strict';
import { findTemplateSyntax } from '../../../src/core/text/templateSyntax';
import { covered, edited, lint, ofRule } from './helpers';
import { assertQuick } from '../cpuTime';

const PROSE_RULES = ['placeholder', 'glued-link', 'empty-link', 'dangling-lead-in', 'version-mismatch'];

/** The problems of the prose rules for the good post with `body` added after its Try-it-out paragraph. */
function proseProblems(body: string, fileName?: string) {
  const text = edited('let us know what you think.', `let us know what you think.\n\n${body}\n`);
  return { text, problems: lint(text, fileName).filter((p) => PROSE_RULES.includes(p.rule)) };
}

describe('lint: template syntax is neither prose nor a placeholder', () => {
  it('leaves Liquid alone: a variable a tag of the post defines, filters, dotted names, tags', () => {
    const jekyll = [
      '{% assign issue_numbers = "1037|1040" | split: "|" %}',
      '{% for issue in issue_numbers %}',
      '[#{{ issue }}]: {{ site.repository }}/issues/{{ issue }}',
      '{% endfor %}',
      '',
      '{% for filter in page.filters %}{% assign filter_slug = filter | slugify %}see[{{ filter_slug }}-filter]({{ filter_slug | prepend: "/docs/" }}){% endfor %}',
    ].join('\n');
    assert.deepEqual(proseProblems(jekyll).problems, []);
  });

  it('leaves Hugo shortcodes and code inside highlight blocks alone', () => {
    const hugo = [
      'Check out [the documentation]({{< param DocsBaseUrl >}}flink-docs-release-1.1/) and {{% notice %}}Read this first.{{% /notice %}}.',
      '',
      '{{< highlight java >}}',
      'env.execute(); // TODO: tune[x](y)',
      '{{< /highlight >}}',
      '',
      '{% highlight ruby %}',
      '# FIXME later',
      'puts "{{version}}"',
      '{% endhighlight %}',
    ].join('\n');
    assert.deepEqual(proseProblems(hugo).problems, []);
  });

  it("still reports our templates' unfilled variables, in a post that uses Liquid too", () => {
    const { text, problems } = proseProblems('{% for x in list %}{{ x }}{% endfor %} made {{version}} possible with {{ contributors }}.');
    assert.deepEqual(
      ofRule(problems, 'placeholder').map((p) => covered(text, p)),
      ['{{version}}', '{{ contributors }}'],
    );
  });

  it('reports a single-brace variable only when it is one of ours: "{i}" in prose is notation', () => {
    const { text, problems } = proseProblems('Use `{i}` for the {i}th column; the title was {project} {version}.');
    assert.deepEqual(
      ofRule(problems, 'placeholder').map((p) => covered(text, p)),
      ['{project}', '{version}'],
    );
  });

  it('takes a quoted TODO as a mention, not a marker', () => {
    assert.deepEqual(proseProblems('Use this in place of the “TODO” comment above, and the "FIXME" one.').problems, []);
    assert.equal(ofRule(proseProblems('Write this paragraph. TODO').problems, 'placeholder').length, 1);
  });

  it('leaves MDX imports, exports and expressions alone in .mdx files only', () => {
    const mdx = ["import Tabs from '@theme/Tabs';", '', 'export const meta = {', '  title: TODO,', '};', '', 'The value is {props.count}, see{frontMatter.slug}[here](/x/).'].join('\n');
    assert.deepEqual(proseProblems(mdx, '2021-01-05-mesos-1-11-0-released.mdx').problems, []);
    assert.ok(proseProblems(mdx).problems.some((p) => p.rule === 'placeholder'), 'in a .md file the same text is prose');
    const leftover = proseProblems('Made {{version}} possible.', '2021-01-05-mesos-1-11-0-released.mdx');
    assert.equal(ofRule(leftover.problems, 'placeholder').length, 1);
  });

  it('scans hostile input in linear time and keeps offsets', () => {
    const hostile = '{%'.repeat(50000) + '{{<'.repeat(50000) + '{{ a }}'.repeat(20000) + '{'.repeat(100000);
    assertQuick('hostile template syntax', () => findTemplateSyntax(hostile, { mdx: true }), 2000);
    assert.deepEqual(findTemplateSyntax('ab {% x %} cd {{ y.z }}').spans, [
      [3, 10],
      [14, 23],
    ]);
  });
});

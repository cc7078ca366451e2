/**
 * Expands a VS Code snippet with its default values, as accepting it and pressing Tab through every stop would:
 * `${n:default}`, `${n|first,...|}`, `$n`, `${n}`, `$VARIABLE`, and `${n/regex/format/flags}` transforms
 * (format: `$k`, `${k}`, `${k:+text}`, `${k:-text}`, `${k:/upcase}`, `${k:/downcase}`, `${k:/capitalize}`).
 */

type Node =
  | { type: 'text'; value: string }
  | { type: 'tabstop'; index: number; children: Node[] | undefined; choice?: string }
  | { type: 'transform'; index: number; regex: string; format: string; flags: string }
  | { type: 'variable'; name: string; children: Node[] | undefined };

class Parser {
  i = 0;
  constructor(readonly s: string) {}

  /** Nodes until `stop` (a closing `}` of a placeholder) or the end. */
  nodes(insidePlaceholder: boolean): Node[] {
    const out: Node[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push({ type: 'text', value: text });
      text = '';
    };
    while (this.i < this.s.length) {
      const c = this.s[this.i];
      if (c === '\\' && /[$}\\]/.test(this.s[this.i + 1] ?? '')) {
        text += this.s[this.i + 1];
        this.i += 2;
      } else if (insidePlaceholder && c === '}') {
        break;
      } else if (c === '$') {
        const node = this.dollar();
        if (node) {
          flush();
          out.push(node);
        } else {
          text += c;
          this.i++;
        }
      } else {
        text += c;
        this.i++;
      }
    }
    flush();
    return out;
  }

  private dollar(): Node | undefined {
    const rest = this.s.slice(this.i);
    let m = /^\$(\d+)/.exec(rest);
    if (m) {
      this.i += m[0].length;
      return { type: 'tabstop', index: Number(m[1]), children: undefined };
    }
    m = /^\$([A-Z_][A-Z_0-9]*)/.exec(rest);
    if (m) {
      this.i += m[0].length;
      return { type: 'variable', name: m[1], children: undefined };
    }
    m = /^\$\{(\d+)\}/.exec(rest);
    if (m) {
      this.i += m[0].length;
      return { type: 'tabstop', index: Number(m[1]), children: undefined };
    }
    m = /^\$\{(\d+)\|((?:[^|\\]|\\.)*)\|\}/.exec(rest);
    if (m) {
      this.i += m[0].length;
      const first = m[2].split(/(?<!\\),/)[0].replace(/\\(.)/g, '$1');
      return { type: 'tabstop', index: Number(m[1]), children: [{ type: 'text', value: first }], choice: first };
    }
    m = /^\$\{(\d+):/.exec(rest);
    if (m) {
      this.i += m[0].length;
      const children = this.nodes(true);
      this.i++; // the closing }
      return { type: 'tabstop', index: Number(m[1]), children };
    }
    m = /^\$\{([A-Z_][A-Z_0-9]*)(:?)/.exec(rest);
    if (m) {
      this.i += m[0].length;
      const children = m[2] ? this.nodes(true) : undefined;
      this.i++;
      return { type: 'variable', name: m[1], children };
    }
    m = /^\$\{(\d+)\//.exec(rest);
    if (m) {
      this.i += m[0].length;
      const regex = this.until('/', true);
      const format = this.until('/', false);
      const flags = this.until('}', false);
      return { type: 'transform', index: Number(m[1]), regex, format, flags };
    }
    return undefined;
  }

  /** Text up to an unescaped `end`; in a regex a backslash is kept unless it escapes a `/`, as VS Code reads it. */
  private until(end: string, regex: boolean): string {
    let out = '';
    let depth = 0;
    while (this.i < this.s.length) {
      const c = this.s[this.i];
      if (c === '\\') {
        const next = this.s[this.i + 1];
        out += regex ? (next === '/' ? '/' : '\\' + next) : '\\' + next;
        this.i += 2;
        continue;
      }
      if (!regex && c === '$' && this.s[this.i + 1] === '{') depth++;
      if (!regex && c === '}' && depth > 0) {
        depth--;
        out += c;
        this.i++;
        continue;
      }
      if (c === end && depth === 0) {
        this.i++;
        return out;
      }
      out += c;
      this.i++;
    }
    return out;
  }
}

function variable(name: string, now: Date): string | undefined {
  const p2 = (n: number) => String(n).padStart(2, '0');
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const values: Record<string, string> = {
    CURRENT_YEAR: String(now.getFullYear()),
    CURRENT_YEAR_SHORT: String(now.getFullYear()).slice(2),
    CURRENT_MONTH: p2(now.getMonth() + 1),
    CURRENT_MONTH_NAME: months[now.getMonth()],
    CURRENT_DATE: p2(now.getDate()),
  };
  return values[name];
}

function format(fmt: string, groups: (string | undefined)[]): string {
  return fmt.replace(/\$(\d+)|\$\{(\d+)(?::(\+|-|\/)?([^}]*))?\}|\\(.)/g, (_w, plain, n, op, arg, escaped) => {
    if (escaped !== undefined) return escaped;
    const g = groups[Number(plain ?? n)];
    if (plain !== undefined || arg === undefined) return g ?? '';
    if (op === '+') return g ? arg : '';
    if (op === '/') {
      if (!g) return '';
      if (arg === 'upcase') return g.toUpperCase();
      if (arg === 'downcase') return g.toLowerCase();
      if (arg === 'capitalize') return g[0].toUpperCase() + g.slice(1);
      throw new Error(`unknown format ${arg}`);
    }
    return g ? g : arg; // `${k:-else}` and `${k:else}`
  });
}

export function expandSnippet(body: string | string[], now = new Date()): string {
  const source = Array.isArray(body) ? body.join('\n') : body;
  const nodes = new Parser(source).nodes(false);
  const values = new Map<number, string>();
  const render = (list: Node[]): string =>
    list
      .map((n) => {
        if (n.type === 'text') return n.value;
        if (n.type === 'variable') return variable(n.name, now) ?? (n.children ? render(n.children) : n.name);
        if (n.type === 'tabstop') {
          if (n.children) {
            const v = render(n.children);
            if (!values.has(n.index)) values.set(n.index, v);
            return v;
          }
          return values.get(n.index) ?? '';
        }
        const value = values.get(n.index) ?? '';
        const re = new RegExp(n.regex, n.flags);
        return value.replace(re, (...args) => format(n.format, args.slice(0, -2) as (string | undefined)[]));
      })
      .join('');
  // Placeholders with defaults may come after their mirrors: collect them first.
  render(nodes);
  return render(nodes);
}

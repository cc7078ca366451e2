/**
 * The required shape of a SARIF 2.1.0 log, written from the OASIS standard (sarif-v2.1.0, sections 3.13 to 3.30)
 * and its JSON schema's `required`, `enum` and `minimum` constraints for the objects a linter emits. Returns one
 * message per violation, with the JSON path, so a test failure says what is wrong.
 */
type Json = unknown;

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: Json): v is number => typeof v === 'number' && Number.isInteger(v);

const LEVELS = ['none', 'note', 'warning', 'error'];
const KINDS = ['notApplicable', 'pass', 'fail', 'review', 'open', 'informational'];
const COLUMN_KINDS = ['utf16CodeUnits', 'unicodeCodePoints'];

function isAbsoluteUri(v: Json): boolean {
  if (typeof v !== 'string') return false;
  try {
    return /^[a-z][a-z0-9+.-]*:/i.test(v) && new URL(v).href.length > 0;
  } catch {
    return false;
  }
}

/** RFC 3986 URI reference: no spaces or characters that must be percent-encoded, and valid % escapes. */
function isUriReference(v: Json): boolean {
  return typeof v === 'string' && !/[\s"<>\\^`{|}]/.test(v) && !/%(?![0-9A-Fa-f]{2})/.test(v);
}

export function sarifShapeErrors(log: Json): string[] {
  const errors: string[] = [];
  const fail = (at: string, what: string) => errors.push(`${at}: ${what}`);

  const message = (v: Json, at: string, textRequired: boolean) => {
    if (!isObject(v)) return fail(at, 'must be an object');
    if (textRequired ? typeof v.text !== 'string' : typeof v.text !== 'string' && typeof v.id !== 'string') {
      fail(at, textRequired ? 'needs "text" (a string)' : 'needs "text" or "id"');
    }
  };

  const descriptor = (r: Json, at: string) => {
    if (!isObject(r)) return fail(at, 'must be an object');
    if (typeof r.id !== 'string' || r.id === '') fail(at, 'needs "id" (a string)');
    for (const key of ['shortDescription', 'fullDescription', 'help'] as const) {
      if (r[key] !== undefined) message(r[key], `${at}.${key}`, true);
    }
    if (r.helpUri !== undefined && !isAbsoluteUri(r.helpUri)) fail(`${at}.helpUri`, 'must be an absolute URI');
    const config = r.defaultConfiguration;
    if (config !== undefined) {
      if (!isObject(config)) fail(`${at}.defaultConfiguration`, 'must be an object');
      else if (config.level !== undefined && !LEVELS.includes(String(config.level))) {
        fail(`${at}.defaultConfiguration.level`, `must be one of ${LEVELS.join(', ')}`);
      }
    }
  };

  const region = (g: Json, at: string) => {
    if (!isObject(g)) return fail(at, 'must be an object');
    if (g.startLine === undefined && g.charOffset === undefined && g.byteOffset === undefined) {
      fail(at, 'needs "startLine", "charOffset" or "byteOffset"');
    }
    for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn'] as const) {
      if (g[key] !== undefined && !(isInt(g[key]) && g[key] >= 1)) fail(`${at}.${key}`, 'must be an integer >= 1');
    }
    const startLine = Number(g.startLine);
    const endLine = g.endLine === undefined ? startLine : Number(g.endLine);
    if (endLine < startLine) fail(at, 'ends before it starts');
    if (endLine === startLine && g.startColumn !== undefined && g.endColumn !== undefined && Number(g.endColumn) < Number(g.startColumn)) {
      fail(at, 'ends before it starts');
    }
  };

  const location = (l: Json, at: string) => {
    if (!isObject(l)) return fail(at, 'must be an object');
    const physical = l.physicalLocation;
    if (physical === undefined) return;
    if (!isObject(physical)) return fail(`${at}.physicalLocation`, 'must be an object');
    if (physical.address === undefined && physical.artifactLocation === undefined) {
      fail(`${at}.physicalLocation`, 'needs "artifactLocation" or "address"');
    }
    const artifact = physical.artifactLocation;
    if (artifact !== undefined) {
      if (!isObject(artifact)) fail(`${at}.physicalLocation.artifactLocation`, 'must be an object');
      else {
        if (artifact.uri !== undefined && !isUriReference(artifact.uri)) fail(`${at}.physicalLocation.artifactLocation.uri`, 'must be a URI reference');
        if (artifact.uriBaseId !== undefined && typeof artifact.uriBaseId !== 'string') fail(`${at}.physicalLocation.artifactLocation.uriBaseId`, 'must be a string');
        if (typeof artifact.uri === 'string' && !isAbsoluteUri(artifact.uri) && artifact.uriBaseId === undefined && artifact.uri.startsWith('/')) {
          fail(`${at}.physicalLocation.artifactLocation`, 'a rooted relative URI needs a uriBaseId');
        }
      }
    }
    if (physical.region !== undefined) region(physical.region, `${at}.physicalLocation.region`);
  };

  const result = (r: Json, at: string, rules: Json[]) => {
    if (!isObject(r)) return fail(at, 'must be an object');
    if (r.message === undefined) fail(at, 'needs "message"');
    else message(r.message, `${at}.message`, false);
    if (r.ruleId !== undefined && typeof r.ruleId !== 'string') fail(`${at}.ruleId`, 'must be a string');
    if (r.level !== undefined && !LEVELS.includes(String(r.level))) fail(`${at}.level`, `must be one of ${LEVELS.join(', ')}`);
    if (r.kind !== undefined && !KINDS.includes(String(r.kind))) fail(`${at}.kind`, `must be one of ${KINDS.join(', ')}`);
    if (r.ruleIndex !== undefined) {
      if (!isInt(r.ruleIndex) || r.ruleIndex < -1) fail(`${at}.ruleIndex`, 'must be an integer >= -1');
      else if (r.ruleIndex >= 0) {
        const rule = rules[r.ruleIndex];
        if (!isObject(rule)) fail(`${at}.ruleIndex`, 'names no rule of the driver');
        else if (r.ruleId !== undefined && rule.id !== r.ruleId) fail(`${at}.ruleIndex`, `names rule "${String(rule.id)}", not "${String(r.ruleId)}"`);
      }
    }
    if (r.locations !== undefined) {
      if (!Array.isArray(r.locations)) fail(`${at}.locations`, 'must be an array');
      else r.locations.forEach((l, i) => location(l, `${at}.locations[${i}]`));
    }
  };

  if (!isObject(log)) return ['$: must be an object'];
  if (log.version !== '2.1.0') fail('$.version', 'must be "2.1.0"');
  if (log.$schema !== undefined && !isAbsoluteUri(log.$schema)) fail('$.$schema', 'must be an absolute URI');
  if (!Array.isArray(log.runs)) return [...errors, '$.runs: must be an array'];
  log.runs.forEach((run, i) => {
    const at = `$.runs[${i}]`;
    if (!isObject(run)) return fail(at, 'must be an object');
    if (run.columnKind !== undefined && !COLUMN_KINDS.includes(String(run.columnKind))) fail(`${at}.columnKind`, `must be one of ${COLUMN_KINDS.join(', ')}`);
    const tool = run.tool;
    if (!isObject(tool)) return fail(`${at}.tool`, 'is required (an object)');
    const driver = tool.driver;
    if (!isObject(driver)) return fail(`${at}.tool.driver`, 'is required (an object)');
    if (typeof driver.name !== 'string' || driver.name === '') fail(`${at}.tool.driver.name`, 'is required (a string)');
    if (driver.informationUri !== undefined && !isAbsoluteUri(driver.informationUri)) fail(`${at}.tool.driver.informationUri`, 'must be an absolute URI');
    const rules = driver.rules ?? [];
    if (!Array.isArray(rules)) return fail(`${at}.tool.driver.rules`, 'must be an array');
    rules.forEach((r, k) => descriptor(r, `${at}.tool.driver.rules[${k}]`));
    const ids = rules.map((r) => (isObject(r) ? r.id : undefined));
    if (new Set(ids).size !== ids.length) fail(`${at}.tool.driver.rules`, 'rule ids repeat');
    if (run.results !== undefined) {
      if (!Array.isArray(run.results)) return fail(`${at}.results`, 'must be an array');
      run.results.forEach((r, k) => result(r, `${at}.results[${k}]`, rules));
    }
  });
  return errors;
}

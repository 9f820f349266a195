// Gate 6: `npm audit --audit-level=high` for CI. Fails on any high or critical advisory; when the registry does not
// offer the audit endpoint (the one reachable here answers 405), it says the audit is not available and passes,
// since that is neither a clean result nor a finding. Any other error fails. `--report FILE` judges a saved
// `npm audit --json` output instead of asking the registry (to check this script, or to judge an audit run
// elsewhere).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** HTTP statuses with which a registry says it has no audit endpoint. */
const NOT_OFFERED = new Set([404, 405, 501]);
/** Severities that fail the gate. */
const FAILING = ['high', 'critical'];

/**
 * @typedef {{ severity: string, via: Array<string | { title?: string, url?: string }> }} Vulnerability
 * @typedef {{ statusCode?: number, message?: string, error?: unknown,
 *   metadata?: { vulnerabilities?: Record<string, number> }, vulnerabilities?: Record<string, Vulnerability> }} AuditJson
 */

/**
 * What the gate makes of one `npm audit --json` output.
 * @param {AuditJson} audit
 * @returns {{ outcome: 'pass' | 'fail' | 'unavailable', lines: string[] }}
 */
export function judgeAudit(audit) {
  const counts = audit.metadata?.vulnerabilities;
  if (!counts) {
    if (typeof audit.statusCode === 'number' && NOT_OFFERED.has(audit.statusCode)) {
      return {
        outcome: 'unavailable',
        lines: [
          `npm audit: not available here: the registry refused the audit call (HTTP ${audit.statusCode}); nothing was checked.`,
        ],
      };
    }
    return {
      outcome: 'fail',
      lines: [`npm audit: failed without a report: ${audit.message ?? JSON.stringify(audit)}`],
    };
  }
  const summary = Object.entries(counts)
    .filter(([severity]) => severity !== 'total')
    .map(([severity, count]) => `${severity} ${count}`)
    .join(', ');
  const failing = Object.entries(audit.vulnerabilities ?? {}).filter(([, v]) => FAILING.includes(v.severity));
  if (failing.length === 0)
    return { outcome: 'pass', lines: [`npm audit: no high or critical advisory (${summary}).`] };
  return {
    outcome: 'fail',
    lines: [
      `npm audit: ${failing.length} package(s) with high or critical advisories (${summary}):`,
      ...failing.map(([name, v]) => {
        const advisories = v.via.map((via) =>
          typeof via === 'string' ? `via ${via}` : `${via.title ?? ''} ${via.url ?? ''}`.trim(),
        );
        return `  ${name} (${v.severity}): ${advisories.join('; ')}`;
      }),
    ],
  };
}

/**
 * @param {unknown} value
 * @returns {value is AuditJson}
 */
const isAuditJson = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** @returns {AuditJson} */
function runAudit() {
  const fileArg = process.argv.indexOf('--report');
  const result =
    fileArg === -1
      ? spawnSync('npm', ['audit', '--audit-level=high', '--json'], { encoding: 'utf8' })
      : { stdout: readFileSync(process.argv[fileArg + 1] ?? '', 'utf8'), stderr: '', status: 0 };
  try {
    /** @type {unknown} */
    const parsed = JSON.parse(result.stdout);
    if (isAuditJson(parsed)) return parsed;
  } catch {
    // Not JSON: reported below.
  }
  return { message: `npm audit printed no JSON report (exit ${result.status}): ${result.stderr.trim()}` };
}

const { outcome, lines } = judgeAudit(runAudit());
console.log(lines.join('\n'));
if (outcome === 'fail') process.exitCode = 1;

// The drift report as a person reads it when the proxy stops: findings grouped by operation, then by
// what broke (where and which rule), each with its count, the pointers, its first message and example.
import type { DriftFinding } from '../public-types.js';

const MAX_POINTERS = 3;
const MAX_EXAMPLE = 120;

interface Group {
  label: string;
  count: number;
  kinds: Map<string, { where: string; rule: string; count: number; pointers: string[]; message: string; example: unknown; hasExample: boolean }>;
}

/** The summary `pnpm mock -- --proxy …` prints when it stops; "No drift found." for none. */
export function summarizeDrift(findings: readonly DriftFinding[]): string {
  if (!findings.length) return 'No drift found.';
  const groups = new Map<string, Group>();
  for (const finding of findings) {
    const label = `${finding.vendor} ${finding.operationId ?? `${finding.method} ${finding.path}`}`;
    let group = groups.get(label);
    if (!group) groups.set(label, (group = { label, count: 0, kinds: new Map() }));
    group.count++;
    const key = `${finding.in} ${finding.rule}`;
    let kind = group.kinds.get(key);
    if (!kind) {
      kind = { where: finding.in, rule: finding.rule, count: 0, pointers: [], message: finding.message, example: finding.example, hasExample: finding.example !== undefined };
      group.kinds.set(key, kind);
    }
    kind.count++;
    if (!kind.pointers.includes(finding.pointer)) kind.pointers.push(finding.pointer);
  }
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const lines = [`Drift: ${plural(findings.length, 'finding')} in ${plural(groups.size, 'operation')}`];
  for (const group of groups.values()) {
    lines.push(`  ${group.label} (${group.count})`);
    for (const kind of group.kinds.values()) {
      const shown = kind.pointers.filter(Boolean);
      const at = shown.length ? ` at ${shown.slice(0, MAX_POINTERS).join(', ')}${shown.length > MAX_POINTERS ? ` +${shown.length - MAX_POINTERS} more` : ''}` : '';
      lines.push(`    ${kind.count}× ${kind.where} ${kind.rule}${at}: ${kind.message}`);
      if (kind.hasExample) lines.push(`       e.g. ${clip(JSON.stringify(kind.example) ?? String(kind.example))}`);
    }
  }
  return lines.join('\n');
}

const clip = (text: string) => (text.length > MAX_EXAMPLE ? `${text.slice(0, MAX_EXAMPLE - 1)}…` : text);

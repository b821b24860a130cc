import type { ProviderCapabilities } from './capabilities/types.js';
import { ADAPTERS } from './generated/adapters.js';
import { PARTICIPANT_STATUSES } from './model.js';

/** The unified ↔ vendor mapping as rows of cells (Markdown inline code in backticks). */
export function mappingTable(): { header: string[]; rows: string[][] } {
  const providers: readonly ProviderCapabilities[] = ADAPTERS.map((adapter) => adapter.capabilities);
  const none = '—';
  const unsupported = '— (unsupported)';
  const rows: string[][] = [
    ['chatId', ...providers.map((c) => c.chatId)],
    ['participantId', ...providers.map((c) => c.participantId)],
    ...PARTICIPANT_STATUSES.map((status) => [
      `status ${status}`,
      ...providers.map((c) => {
        const s = c.statuses[status];
        if (!s) return none;
        const note = [s.settable ? 'settable' : 'read only', s.note].filter(Boolean).join('; ');
        return `${s.vendor.includes('`') ? s.vendor : `\`${s.vendor}\``} (${note})`;
      }),
    ]),
    ...(['muted', 'lastReadMessageId', 'displayName'] as const).map((field) => [
      field,
      ...providers.map((c) => {
        const f = c.fields[field];
        return f ? `${f.vendor} (${f.settable ? 'settable' : 'read only'})` : none;
      }),
    ]),
    ['add', ...providers.map((c) => (c.add ? `${c.add.vendor} (memberId: ${[c.memberId, c.add.note].filter(Boolean).join('; ')})` : unsupported))],
    ['remove', ...providers.map((c) => (c.remove ? [c.remove.vendor, c.remove.note && `(${c.remove.note})`].filter(Boolean).join(' ') : unsupported))],
  ];
  return { header: ['unified', ...providers.map((c) => c.label)], rows };
}

/** The mapping as a Markdown table, for the README. */
export function renderMappingTable(): string {
  const { header, rows } = mappingTable();
  return [header, header.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');
}

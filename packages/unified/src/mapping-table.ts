import { CAPABILITIES } from './capabilities/index.js';
import { PARTICIPANT_STATUSES, PROVIDERS } from './model.js';

const cell = (text: string | undefined) => text ?? '—';

/**
 * The unified ↔ vendor mapping as a Markdown table, rendered from the capability data the
 * adapters use, for the README and the docs index.
 */
export function renderMappingTable(): string {
  const providers = PROVIDERS.map((p) => CAPABILITIES[p]);
  const rows: string[][] = [
    ['chatId', ...providers.map((c) => c.chatId)],
    ['participantId', ...providers.map((c) => c.participantId)],
    ...PARTICIPANT_STATUSES.map((status) => [
      `status ${status}`,
      ...providers.map((c) => {
        const s = c.statuses[status];
        if (!s) return cell(undefined);
        const note = [s.settable ? 'settable' : 'read only', s.note].filter(Boolean).join('; ');
        return `${/`/.test(s.vendor) ? s.vendor : `\`${s.vendor}\``} (${note})`;
      }),
    ]),
    ...(['muted', 'lastReadMessageId', 'displayName'] as const).map((field) => [
      field,
      ...providers.map((c) => {
        const f = c.fields[field];
        return f ? `${f.vendor}${f.settable ? ' (settable)' : ' (read only)'}` : cell(undefined);
      }),
    ]),
  ];
  const header = ['unified', ...providers.map((c) => c.label)];
  return [header, header.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');
}

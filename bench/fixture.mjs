// The one answer every client asks for: Bird's example participant, read from the spec the client
// is generated from, so the benchmark parses what the vendor documents.
import { load } from './builds.mjs';

const spec = await load('@parley/bird', 'openapi/openapi.json');

export const participant = spec.components.examples.UserParticipant.value;
// Uuids, so the unified API's id checks pass and it sends the request.
export const ids = {
  workspaceId: spec.components.parameters.workspaceId.example,
  conversationId: participant.conversationId,
  conversationParticipantId: participant.id,
};
export const participantPath = `/workspaces/${ids.workspaceId}/conversations/${ids.conversationId}/participants/${ids.conversationParticipantId}`;
export const participantJson = JSON.stringify(participant);
export const accessKey = 'k';

/** Large-body sizes: the path prefix the server routes on, and the bytes it answers with. */
export const SIZES = { '1mb': 1024 * 1024, '10mb': 10 * 1024 * 1024 };

/**
 * A participant with a long `history` array of small objects, at least `bytes` long. Many small
 * objects, not one long string, so JSON.parse does the work a real large answer costs.
 */
export function largeParticipantJson(bytes) {
  const entry = (i) => `{"at":"2026-02-11T09:24:51.118Z","status":"active","note":"entry ${String(i).padStart(8, '0')}"}`;
  const head = participantJson.slice(0, -1) + ',"history":[';
  const count = Math.ceil((bytes - head.length - 2) / (entry(0).length + 1));
  return head + Array.from({ length: count }, (_, i) => entry(i)).join(',') + ']}';
}

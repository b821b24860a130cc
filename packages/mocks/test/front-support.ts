// What the front's tests share: requests to the three vendors' mocks, with the ids of their specs'
// examples. The vendors are named here on purpose: these tests check each vendor's error shape and
// throttle as its spec documents them.
export const SWO = {
  headers: { Authorization: 'Bearer k' },
  participants: '/public/v1/helpdesk/chats/CHT-4821-7730-1955/participants',
  participant: '/public/v1/helpdesk/chats/CHT-4821-7730-1955/participants/CPT-5104-3382-7716',
};

export const BIRD = {
  headers: { Authorization: 'AccessKey k' },
  participants: '/workspaces/b4e02c85-c6d2-4b15-8885-e09671799c61/conversations/67e4d358-ca94-421e-98b7-448860df9d33/participants',
  participant: '/workspaces/b4e02c85-c6d2-4b15-8885-e09671799c61/conversations/67e4d358-ca94-421e-98b7-448860df9d33/participants/274bd6ff-3295-49a0-a02d-651fb661d7fb',
};

export const NEXUDUS = {
  headers: { Authorization: 'Bearer k' },
  rooms: '/api/support/chatrooms',
  room: '/api/support/chatrooms/87654321',
  /** A valid update of the example room. */
  update: { Id: 87654321, BusinessId: 12345678, Name: 'Front desk', Active: true },
};

/** Sends JSON (or nothing) and returns the response with its body read as text. */
export async function send(base: string | undefined, method: string, path: string, headers: Record<string, string> = {}, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) as any };
}

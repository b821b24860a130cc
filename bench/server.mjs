// The loopback server, run as a child process so its work lands on the other core and is not
// charged to the clients being measured. Answers the participant, or a large one under /1mb or /10mb.
import { createServer } from 'node:http';
import { largeParticipantJson, participantJson, SIZES } from './fixture.mjs';

const small = Buffer.from(participantJson);
const large = new Map(Object.entries(SIZES).map(([name, bytes]) => [name, Buffer.from(largeParticipantJson(bytes))]));

const server = createServer((req, res) => {
  const body = large.get(req.url.split('/')[1]) ?? small;
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
  res.end(body);
});
// Idle keep-alive sockets must outlive the other clients' turns, or a turn would pay reconnection.
server.keepAliveTimeout = 120_000;
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
// The harness holds the IPC channel: when it goes (exit, crash, kill -9), so does the server.
process.on('disconnect', () => server.close(() => process.exit(0)).closeAllConnections());

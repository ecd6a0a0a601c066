#!/usr/bin/env node
// A TCP proxy that adds one-way latency, for kernels without netem. Run it inside a lab's network
// namespace: it accepts on LISTEN_PORT of every address there and forwards to the same address's
// TARGET_PORT, holding every chunk DELAY_MS in each direction. The upstream connection opens after
// three one-way delays (SYN, SYN-ACK, ACK), so the server's first bytes reach the client one full
// round trip plus one delay after connect, as on a real link.
// Usage: node delay-proxy.mjs LISTEN_PORT TARGET_PORT DELAY_MS   (prints "listening" when ready)
import net from 'node:net';

const [listenPort, targetPort, delayMs] = process.argv.slice(2).map(Number);
if (!listenPort || !targetPort || !(delayMs >= 0)) {
  process.stderr.write('usage: delay-proxy.mjs LISTEN_PORT TARGET_PORT DELAY_MS\n');
  process.exit(2);
}

/** Forwards `from` to `send` DELAY_MS later; timers of one duration fire in order, so chunks stay ordered. */
function delayFlow(from, send, end, destroy) {
  from.on('data', (chunk) => setTimeout(send, delayMs, chunk));
  from.on('end', () => setTimeout(end, delayMs));
  from.on('error', () => setTimeout(destroy, delayMs));
}

const server = net.createServer({ allowHalfOpen: true, noDelay: true }, (client) => {
  const queue = [];
  let upstream;
  const toUpstream = (chunk) => (upstream ? upstream.write(chunk) : queue.push(chunk));
  let endPending = false;
  const endUpstream = () => (upstream ? upstream.end() : (endPending = true));
  delayFlow(client, toUpstream, endUpstream, () => upstream?.destroy());
  client.on('close', () => setTimeout(() => upstream?.destroy(), delayMs * 2));
  setTimeout(() => {
    if (client.destroyed) return;
    upstream = net.connect({ host: client.localAddress, port: targetPort, allowHalfOpen: true, noDelay: true });
    for (const chunk of queue.splice(0)) upstream.write(chunk);
    if (endPending) upstream.end();
    delayFlow(upstream, (chunk) => client.writable && client.write(chunk), () => client.end(), () => client.destroy());
    upstream.on('close', () => setTimeout(() => client.destroy(), delayMs * 2));
  }, delayMs * 3);
});
server.on('error', (err) => {
  process.stderr.write(`delay-proxy: ${err.message}\n`);
  process.exit(1);
});
server.listen({ port: listenPort, host: '0.0.0.0', backlog: 4096 }, () => process.stdout.write('listening\n'));
process.on('SIGTERM', () => process.exit(0));

// The baseline: a bare node:http server answering one fixed response from memory.
// Run as a child process: `node --import tsx bench/baseline-server.ts <body file> <content-type>`;
// it reports its port over IPC and exits when the parent goes away.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const [file, contentType] = process.argv.slice(2);
if (!file || !contentType) throw new Error('usage: baseline-server <body file> <content-type>');
const body = readFileSync(file);
const headers = { 'content-type': contentType, 'content-length': String(body.length) };

const server = createServer((_req, res) => {
  res.writeHead(200, headers);
  res.end(body);
});
server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as AddressInfo).port }));
process.on('disconnect', () => process.exit(0));

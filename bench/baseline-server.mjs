// The floor for the catalogue scenario: node:http answering every request with the captured response
// bytes of a catalogue page, without parsing the request. Usage: node baseline-server.mjs PORT BODY_FILE
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const [port, bodyFile] = process.argv.slice(2);
const body = readFileSync(bodyFile);
const headers = { 'content-type': 'application/json; charset=utf-8', 'content-length': String(body.length) };

createServer((req, res) => {
  req.resume(); // read and discard the request body, as a real server must before answering
  req.on('end', () => {
    res.writeHead(200, headers);
    res.end(body);
  });
}).listen(Number(port), '127.0.0.1');

process.on('SIGTERM', () => process.exit(0));

// The benchmark's baseline: the least a Node HTTP server can do with a webhook POST (read, JSON.parse, answer 200).
'use strict';
const { createServer } = require('node:http');
createServer((req, res) => {
  if (req.url.startsWith('/health'))
    return res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
}).listen(Number(process.env.PORT), '127.0.0.1');

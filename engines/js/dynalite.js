'use strict'
// dynalite on a loopback port behind the guard: only this run's signed requests, never a browser's.
// Prints one JSON line {"port": N} on stdout once it listens; everything else goes to stderr.

const guard = require('./guard')
guard.requireNode20()
const args = guard.options(process.argv.slice(2), ['port', 'path'])
const keyId = guard.accessKeyId()
const wanted = guard.port(args.port || '0')

// dynalite's own logging is off unless asked for; its console.log must never reach the parent's stdout.
console.log = (...parts) => process.stderr.write(parts.join(' ') + '\n')

let dynalite
try {
  require.resolve('dynalite')
} catch (e) {
  guard.fail('dynalite is not installed: build the project (it runs npm ci in engines/)')
}
const uniqueIndexKeys = require('./unique-index-keys')
try {
  uniqueIndexKeys.install()
  uniqueIndexKeys.checkDataDirectory(args.path)
} catch (e) {
  guard.fail(e.message)
}
dynalite = require('dynalite')
const server = dynalite({
  path: args.path,
  createTableMs: 0,
  deleteTableMs: 0,
  updateTableMs: 0,
})
const engine = server.listeners('request')
server.removeAllListeners('request')
server.on('request', (req, res) => {
  const port = server.address().port
  if (!guard.hostAllowed(req, port)) return guard.refuse(res, 'host not allowed')
  if (req.headers.origin !== undefined) return guard.refuse(res, 'no browser requests')
  if (!guard.signedWith(req, keyId)) return guard.refuse(res, 'not signed with this run\'s key')
  for (const handler of engine) handler.call(server, req, res)
})
server.on('error', (e) => guard.fail(e.code === 'EADDRINUSE' ? 'port ' + wanted + ' is in use' : String(e.message)))
process.on('uncaughtException', (e) => guard.fail(String(e && e.message ? e.message : e)))

server.listen(wanted, '127.0.0.1', () => {
  process.stdout.write(JSON.stringify({ port: server.address().port }) + '\n')
})

guard.stopWithParent(() => {
  const timer = setTimeout(() => process.exit(0), 3000)
  timer.unref()
  server.close(() => process.exit(0))
})

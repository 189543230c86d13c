'use strict'
// What both engine wrappers share: the checks in front of an engine that protects nothing itself,
// and the watch on the parent that makes the engine stop with it.

const KEY_ID = /^[A-Z0-9]{16,128}$/

/** First thing a wrapper does, before it loads an engine: this file itself runs on any Node. */
function requireNode20 () {
  const major = Number(process.versions.node.split('.')[0])
  if (major < 20) {
    process.stderr.write('engine: node ' + process.versions.node + ' is too old, Node.js 20 or newer is needed\n')
    process.exit(3)
  }
}

/** The access key id the parent made for this run; the wrapper refuses to start without one. */
function accessKeyId () {
  const id = process.env.ENGINE_ACCESS_KEY_ID || ''
  if (!KEY_ID.test(id)) fail('ENGINE_ACCESS_KEY_ID must be 16 to 128 characters A-Z and 0-9')
  return id
}

/** A browser that rebinds a name to 127.0.0.1 still sends its own name: only the loopback names pass. */
function hostAllowed (req, port) {
  const host = req.headers.host
  if (typeof host !== 'string') return false
  const lower = host.toLowerCase()
  return lower === '127.0.0.1:' + port || lower === 'localhost:' + port
}

/** SigV4's credential scope names the key id, in the Authorization header or a presigned query. */
function signedWith (req, keyId) {
  const auth = req.headers.authorization
  if (typeof auth === 'string') {
    const match = /(?:^|[\s,])Credential=([^/\s,]+)\//.exec(auth)
    return match !== null && match[1] === keyId
  }
  const query = req.url.indexOf('?')
  if (query < 0) return false
  let credential
  try {
    credential = new URLSearchParams(req.url.slice(query + 1)).get('X-Amz-Credential')
  } catch (e) {
    return false
  }
  return typeof credential === 'string' && credential.startsWith(keyId + '/')
}

/**
 * A presigned request (SigV4 in the query) with this run's key, each auth parameter given once and
 * well formed: s3rver reads an array where a name repeats, and lets an `X-Amz-Expires` that is no
 * number (or a missing `X-Amz-Algorithm`, which makes the request unsigned to it) never expire.
 */
function presignedWith (req, keyId) {
  if (req.headers.authorization !== undefined) return false
  const query = req.url.indexOf('?')
  if (query < 0) return false
  let params
  try {
    params = new URLSearchParams(req.url.slice(query + 1))
  } catch (e) {
    return false
  }
  const one = (name) => {
    const values = params.getAll(name)
    return values.length === 1 ? values[0] : undefined
  }
  const credential = one('X-Amz-Credential')
  const expires = one('X-Amz-Expires')
  return one('X-Amz-Algorithm') === 'AWS4-HMAC-SHA256' &&
    typeof credential === 'string' && credential.startsWith(keyId + '/') &&
    /^\d{8}T\d{6}Z$/.test(one('X-Amz-Date') || '') &&
    /^\d{1,6}$/.test(expires || '') && Number(expires) <= 604800 &&
    typeof one('X-Amz-SignedHeaders') === 'string' && typeof one('X-Amz-Signature') === 'string'
}

function refuse (res, why) {
  const body = JSON.stringify({ message: 'Forbidden: ' + why })
  res.writeHead(403, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), Connection: 'close' })
  res.end(body)
}

/**
 * The engine lives as long as its parent: stdin is a pipe from the parent, and it closes when the
 * parent exits in any way, SIGKILL included. The pid poll covers a parent that leaks the pipe.
 */
function stopWithParent (stop) {
  let stopping = false
  const once = () => {
    if (stopping) return
    stopping = true
    stop()
  }
  process.stdin.on('end', once)
  process.stdin.on('close', once)
  process.stdin.on('error', once)
  process.stdin.resume()
  const parent = process.ppid
  setInterval(() => {
    if (process.ppid !== parent) once()
  }, 500).unref()
  // Ctrl+C reaches the whole process group: the parent decides when the engine stops.
  process.on('SIGINT', () => {})
}

function fail (message) {
  process.stderr.write('engine: ' + message + '\n')
  process.exit(2)
}

/** Reads --name value pairs; unknown or repeated names are an error, never ignored. */
function options (argv, known) {
  const result = {}
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i]
    if (!name.startsWith('--') || !known.includes(name.slice(2)) || i + 1 >= argv.length || name.slice(2) in result) {
      fail('bad arguments: ' + JSON.stringify(argv))
    }
    result[name.slice(2)] = argv[i + 1]
  }
  return result
}

function port (text) {
  const value = Number(text)
  if (!Number.isInteger(value) || value < 0 || value > 65535) fail('bad port: ' + text)
  return value
}

module.exports = { requireNode20, accessKeyId, hostAllowed, signedWith, presignedWith, refuse, stopWithParent, fail, options, port }

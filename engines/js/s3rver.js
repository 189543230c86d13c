'use strict'
// s3rver on a loopback port behind the guard: only this run's signed requests, and a browser's only
// when presigned and sent from one of the server's own origins. The bucket (and its CORS rule for
// those origins) exists before the port is announced. Prints one JSON line {"port": N} on stdout
// once it listens; everything else goes to stderr.

const crypto = require('crypto')
const fs = require('fs')
const http = require('http')
const path = require('path')
const guard = require('./guard')
guard.requireNode20()

const args = guard.options(process.argv.slice(2), ['port', 'directory', 'bucket', 'origins', 'temporary'])
const keyId = guard.accessKeyId()
const wanted = guard.port(args.port || '0')
const BUCKET = /^(?!\d+\.\d+\.\d+\.\d+$)(?!.*\.\.)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/
const ORIGIN = /^https?:\/\/(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/
if (!BUCKET.test(args.bucket || '')) guard.fail('bad bucket name: ' + JSON.stringify(args.bucket))
if (typeof args.directory !== 'string' || !path.isAbsolute(args.directory)) guard.fail('--directory must be an absolute path')
if (!['true', 'false'].includes(args.temporary || 'false')) guard.fail('--temporary must be true or false')
const origins = (args.origins || '').split(',').filter((o) => o !== '')
for (const origin of origins) if (!ORIGIN.test(origin)) guard.fail('bad origin: ' + JSON.stringify(origin))
const directory = args.directory
const temporary = args.temporary === 'true'

// A temporary directory goes with the process however it ends, short of a SIGKILL of node itself
// (the parent removes it then).
process.on('exit', () => {
  if (temporary) fs.rmSync(directory, { recursive: true, force: true })
})

// s3rver's logger is silenced below; nothing of a dependency may reach the parent's stdout anyway.
console.log = console.info = (...parts) => process.stderr.write(parts.join(' ') + '\n')

let S3rver, AWSAccount
try {
  S3rver = require('s3rver')
  AWSAccount = require('s3rver/lib/models/account')
} catch (e) {
  guard.fail('s3rver is not installed: build the project (it runs npm ci in engines/)')
}

// s3rver accepts its well-known key S3RVER/S3RVER; this run's key takes its place. s3rver verifies
// no SigV4 signature, so the secret it holds is never used: it is random, not the run's.
AWSAccount.DUMMY_ACCOUNT.revokeAccessKey('S3RVER')
AWSAccount.DUMMY_ACCOUNT.createKeyPair(keyId, crypto.randomBytes(30).toString('base64'))

const configs = origins.length === 0 ? [] : [corsConfiguration(origins)]
const engine = new S3rver({
  address: '127.0.0.1',
  silent: true,
  directory,
  vhostBuckets: false,
  allowMismatchedSignatures: false,
  configureBuckets: [{ name: args.bucket, configs }],
})

const handle = engine.callback()
const server = http.createServer((req, res) => {
  const port = server.address().port
  // Each answer waits for the body: a client still writing it would see a reset connection, not the answer.
  const refuse = (why) => afterBody(req, () => guard.refuse(res, why))
  if (!guard.hostAllowed(req, port)) return refuse('host not allowed')
  if (!inBucket(req.url)) return refuse('only keys of bucket ' + args.bucket)
  // Uploads are presigned PUTs: s3rver's form POST runs on an old multipart parser (dicer 0.3) that
  // a malformed body can crash, and nothing here needs it.
  if (req.method === 'POST' && /multipart\//i.test(req.headers['content-type'] || '')) return refuse('no form uploads')
  const origin = req.headers.origin
  const auth = req.headers.authorization
  if (auth !== undefined) {
    // Header-signed requests are the server's own SDK calls: no browser's.
    if (origin !== undefined) return refuse('no browser requests signed in a header')
    if (!auth.startsWith('AWS4-HMAC-SHA256 ') || !guard.signedWith(req, keyId)) return refuse('not signed with this run\'s key')
  } else {
    if (!guard.presignedWith(req, keyId)) return refuse('not signed with this run\'s key')
    if (origin !== undefined && !origins.includes(origin)) return refuse('origin not allowed')
  }
  if (awsChunked(req)) {
    return afterBody(req, () => s3Error(res, 400, 'InvalidRequest',
      's3rver stores aws-chunked framing as the object: build the S3 client with chunkedEncodingEnabled(false)'))
  }
  if (origin !== undefined) echoOrigin(res, origin)
  handle(req, res)
})
server.on('error', (e) => guard.fail(e.code === 'EADDRINUSE' ? 'port ' + wanted + ' is in use' : String(e.message)))
process.on('uncaughtException', (e) => guard.fail(String(e && e.message ? e.message : e)))
process.on('unhandledRejection', (e) => guard.fail(String(e && e.message ? e.message : e)))

engine.configureBuckets().then(() => {
  server.listen(wanted, '127.0.0.1', () => {
    process.stdout.write(JSON.stringify({ port: server.address().port }) + '\n')
  })
}, (e) => guard.fail('could not create the bucket in ' + directory + ': ' + (e && e.message ? e.message : e)))

const stop = () => {
  const timer = setTimeout(() => process.exit(0), 3000)
  timer.unref()
  server.close(() => process.exit(0))
}
guard.stopWithParent(stop)
process.on('SIGTERM', stop)

/**
 * The one bucket, and no key with a `.` or `..` segment: s3rver maps a key to a file path as it is
 * (on Linux), so `../` in a key, or `..` as a bucket, would reach files outside its directory.
 */
function inBucket (url) {
  const query = url.indexOf('?')
  const raw = query < 0 ? url : url.slice(0, query)
  if (!raw.startsWith('/')) return false
  let segments
  try {
    segments = decodeURIComponent(raw).slice(1).split('/')
  } catch (e) {
    return false
  }
  return segments[0] === args.bucket &&
    segments.every((s) => s !== '.' && s !== '..' && !s.includes('\0'))
}

/** The SDK's streaming upload, which s3rver does not decode: the object would hold the chunk headers and signatures. */
function awsChunked (req) {
  const sha = req.headers['x-amz-content-sha256'] || ''
  return sha.startsWith('STREAMING-') || req.headers['x-amz-decoded-content-length'] !== undefined ||
    /(^|,)\s*aws-chunked\s*(,|$)/i.test(req.headers['content-encoding'] || '')
}

function afterBody (req, then) {
  let read = 0
  req.on('data', (chunk) => {
    read += chunk.length
    if (read > 64 * 1024 * 1024) req.destroy()
  })
  req.on('end', then)
  req.on('error', () => {})
}

/** An error as S3 writes it, so that an SDK shows its message. */
function s3Error (res, status, code, message) {
  const body = '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>' + code + '</Code><Message>' + message + '</Message></Error>'
  res.writeHead(status, { 'Content-Type': 'application/xml', 'Content-Length': Buffer.byteLength(body), Connection: 'close' })
  res.end(body)
}

/** One rule for the given origins: a browser may PUT an upload and GET it back, nothing else. */
function corsConfiguration (allowed) {
  const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  return '<CORSConfiguration><CORSRule>' +
    allowed.map((o) => '<AllowedOrigin>' + escape(o) + '</AllowedOrigin>').join('') +
    '<AllowedMethod>PUT</AllowedMethod><AllowedMethod>GET</AllowedMethod>' +
    '<AllowedHeader>content-type</AllowedHeader><ExposeHeader>ETag</ExposeHeader>' +
    '<MaxAgeSeconds>600</MaxAgeSeconds></CORSRule></CORSConfiguration>'
}

/**
 * s3rver answers a preflight with `Access-Control-Allow-Origin: *`; S3 names the origin, and so
 * does this (the guard let only a listed origin reach here).
 */
function echoOrigin (res, origin) {
  const setHeader = res.setHeader.bind(res)
  res.setHeader = (name, value) => setHeader(name,
    String(name).toLowerCase() === 'access-control-allow-origin' && value === '*' ? origin : value)
}

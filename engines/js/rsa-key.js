'use strict'
// A new 2048-bit RSA key pair for the local development issuer, as one JWK line on stdout (its
// private members included): OpenSSL finds the primes in a fraction of the CPU the local tools' JVM
// (C1 only, without BigInteger's intrinsics) needs. The key is made here and read from the pipe by
// the parent; nothing is written anywhere else.

const { generateKeyPair } = require('crypto')

generateKeyPair('rsa', { modulusLength: 2048, publicExponent: 0x10001 }, (err, publicKey, privateKey) => {
  if (err) {
    process.stderr.write('engine: ' + err.message + '\n')
    process.exit(1)
  }
  process.stdout.write(JSON.stringify(privateKey.export({ format: 'jwk' })) + '\n')
})

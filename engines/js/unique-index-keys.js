'use strict'
// dynalite 4.0.0 keys a secondary-index entry by the index key plus the first six hex digits of an
// MD5 of the table key. Two items with the same index sort key (two collections with one timestamp)
// whose digests share those six digits get the same index entry: the later write replaces the
// earlier one, which then never comes back from an index query although the table still holds it
// (about one pair in 16.7 million). DynamoDB keeps both. The table key is unique, so the index
// entry is keyed by it in full instead. db/index.js is loaded once, patched, into the module cache
// before dynalite requires it; a version whose source differs stops the engine rather than run
// unpatched.

const fs = require('fs')
const path = require('path')
const Module = require('module')

const FLAWED = 'return createKey(item, table, keySchema) + hashPrefix.apply(this, tableKeyPieces)'
const FIXED = 'return createKey(item, table, keySchema) + createKey(item, table)'
// Written into a data directory whose index entries use the full table key; one without it (but
// with data) was written unpatched and its index entries could neither be found nor removed.
const LAYOUT_MARKER = 'user-images-index-keys-v2'

function install () {
  const file = require.resolve('dynalite/db/index.js')
  const source = fs.readFileSync(file, 'utf8')
  if (source.split(FLAWED).length !== 2) {
    throw new Error('dynalite\'s db/index.js is not the 4.0.0 this engine patches: pin dynalite 4.0.0 in engines/package.json')
  }
  const patched = new Module(file, module)
  patched.filename = file
  patched.paths = Module._nodeModulePaths(path.dirname(file))
  patched._compile(source.replace(FLAWED, FIXED), file)
  patched.loaded = true
  require.cache[file] = patched
}

/** Refuses a data directory written without the patch; marks a new or patched one. */
function checkDataDirectory (dir) {
  if (dir === undefined) return
  const marker = path.join(dir, LAYOUT_MARKER)
  if (fs.existsSync(marker)) return
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
    throw new Error(dir + ' was written by an earlier engine whose index entries can be lost: remove it, or give another --db-path')
  }
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(marker, 'secondary-index entries keyed by the full table key\n')
}

module.exports = { install, checkDataDirectory, LAYOUT_MARKER }

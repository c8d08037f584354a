// Validates argmap/1 documents against docs/argmap-1.schema.json with Ajv (draft 2020-12, every
// error reported, strict mode: a keyword Ajv does not know is an error in the schema itself;
// strictRequired off: a `then: {required: ["side"]}` naming a property defined beside it is fine).
// Usage: node check-schema.cjs ROOT --valid FILE... --invalid FILE...
// A file ending in .html contributes each of its <script type="application/json"> blocks.
// --invalid files must be refused: they prove the gate can fail.
'use strict';
const fs = require('fs');
const path = require('path');

const root = process.argv[2];
const Ajv2020 = require(path.join(root, '.tools/node_modules/ajv/dist/2020')).default;
const schema = JSON.parse(fs.readFileSync(path.join(root, 'docs/argmap-1.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true, strictRequired: false }).compile(schema);

function documents(file) {
  const text = fs.readFileSync(file, 'utf8');
  if (!file.endsWith('.html')) return [[file, text]];
  const blocks = [...text.matchAll(/<script type="application\/json">([\s\S]*?)<\/script>/g)];
  if (blocks.length === 0) throw new Error(`${file}: no <script type="application/json"> block`);
  return blocks.map((m, i) => [`${file} (inline JSON #${i + 1})`, m[1]]);
}

let expect = null;
let failures = 0;
let checked = 0;
for (const arg of process.argv.slice(3)) {
  if (arg === '--valid' || arg === '--invalid') { expect = arg; continue; }
  for (const [name, text] of documents(arg)) {
    let ok;
    try {
      ok = validate(JSON.parse(text));
    } catch (e) {
      console.log(`FAIL ${name}: not JSON: ${e.message}`);
      failures++;
      continue;
    }
    checked++;
    if (expect === '--valid' && !ok) {
      failures++;
      console.log(`FAIL ${name}:`);
      for (const e of validate.errors) console.log(`  ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
    } else if (expect === '--invalid' && ok) {
      failures++;
      console.log(`FAIL ${name}: should be refused by the schema, and was accepted`);
    } else {
      console.log(`ok   ${name}${expect === '--invalid' ? ' (refused, as it must be: ' + validate.errors.length + ' errors)' : ''}`);
    }
  }
}
console.log(`${checked - failures} passed, ${failures} failed`);
process.exit(failures === 0 && checked > 0 ? 0 : 1);

// Prints the C++ test vectors of order_key_test.cpp from the npm package `fractional-indexing`
// (the implementation the web client uses), so the C++ port is checked against the original.
// To regenerate (4.0.0 is the version web/package.json pins):
//   mkdir /tmp/fi && cd /tmp/fi && npm init -y && npm install fractional-indexing@4.0.0
//   node tests/unit/order_key_vectors.mjs /tmp/fi/node_modules/fractional-indexing/src/index.js \
//     > tests/unit/order_key_vectors.inc
// 3.2.0, 3.4.0 and 4.0.0 print the same vectors (only npm's error texts differ): the same key
// for every ordered pair, the same rejections. From 3.4.0 on npm swaps a reversed pair instead
// of rejecting it; this port rejects it, as 3.2.0 does and order_key.hpp promises.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
const { generateKeyBetween } = await import(pathToFileURL(process.argv[2]).href);
const { version } = JSON.parse(
  readFileSync(join(dirname(process.argv[2]), "..", "package.json"), "utf8"));

// mulberry32: a tiny seeded generator, so the vectors are the same on every run.
let seed = 20240601;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

const valid = [];
const invalid = [];
const seen = new Set();
function add(a, b) {
  const id = `${a}|${b}`;
  if (seen.has(id)) return;
  seen.add(id);
  // A reversed or equal pair is an error for this port, as in 3.x; 4.x swaps a reversed pair.
  if (a != null && b != null && a >= b) {
    invalid.push([a, b, `${a} >= ${b}`]);
    return;
  }
  try {
    valid.push([a, b, generateKeyBetween(a, b)]);
  } catch (e) {
    invalid.push([a, b, String(e.message)]);
  }
}

// The package's own test cases.
const fixed = [
  [null, null], [null, "a0"], [null, "Zz"], ["a0", null], ["a1", null], ["a0", "a1"],
  ["a1", "a2"], ["a0V", "a1"], ["Zz", "a0"], ["Zz", "a1"], [null, "Y00"], ["bzz", null],
  ["a0", "a0V"], ["a0", "a0G"], ["b125", "b129"], ["a0", "a1V"], ["Zz", "a01"], [null, "a0V"],
  [null, "b999"], [null, "A000000000000000000000000001"],
  ["zzzzzzzzzzzzzzzzzzzzzzzzzzy", null], ["zzzzzzzzzzzzzzzzzzzzzzzzzzz", null],
  // Edges: carries, borrows, head changes, the smallest and largest integers.
  ["az", null], ["Zz", null], ["a0", "Zz"], ["Yzz", null], [null, "b00"], [null, "a00"],
  ["A00000000000000000000000001", null], [null, "A00000000000000000000000001"],
  ["A000000000000000000000000001", "A000000000000000000000000002"],
  [null, "A00000000000000000000000000V"], ["zzzzzzzzzzzzzzzzzzzzzzzzzzzV", null],
  ["a0", "a0000001"], ["a0", "a01"], ["a0z", "a1"], ["a0zzz", "a1"], ["a0y", "a0z"],
  ["a0yz", "a0z"], ["a00V", "a01"], ["a0", "a00001"],
  // Invalid input: the package throws.
  [null, "A00000000000000000000000000"], ["A00000000000000000000000000", null],
  ["a00", null], ["a00", "a1"], ["0", "1"], ["a1", "a0"], ["a0", "a0"], ["a", null],
  [null, "b0"], ["", null], [null, ""], ["a1", "a10"], ["a0", "a1", ], ["Z", null],
  ["zz", null], ["b12", "b120"], ["B0", null], ["a0", "b0"], ["A", null],
];
for (const [a, b] of fixed) add(a, b);

// Every head: its largest integer carried up, its smallest borrowed down.
for (const h of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") {
  const len = h >= "a" ? h.charCodeAt(0) - 97 + 2 : 90 - h.charCodeAt(0) + 2;
  add(h + "z".repeat(len - 1), null);
  add(null, h + "0".repeat(len - 1));
  add(h + "0".repeat(len - 1), h + "z".repeat(len - 1));
}

// Append and prepend chains, crossing head changes (a → b → … and a → Z → Y → …).
{
  let k = null;
  for (let i = 0; i < 400; i++) { const n = generateKeyBetween(k, null); if (i % 7 === 0 || i > 390) add(k, null); k = n; }
  k = null;
  for (let i = 0; i < 400; i++) { const n = generateKeyBetween(null, k); if (i % 7 === 0 || i > 390) add(null, k); k = n; }
}
// Ever closer to one neighbour: keys grow long.
{
  let lo = "a0", hi = "a1";
  for (let i = 0; i < 80; i++) { add(lo, hi); const m = generateKeyBetween(lo, hi); if (i % 2) lo = m; else hi = m; }
  lo = "a0"; hi = "a1";
  for (let i = 0; i < 60; i++) { add(lo, hi); hi = generateKeyBetween(lo, hi); }
  lo = "a0"; hi = "a1";
  for (let i = 0; i < 60; i++) { add(lo, hi); lo = generateKeyBetween(lo, hi); }
}
// Random inserts into a growing list, as concurrent editors would make them.
{
  const list = [];
  for (let i = 0; i < 1500; i++) {
    const pos = Math.floor(random() * (list.length + 1));
    const a = pos > 0 ? list[pos - 1] : null;
    const b = pos < list.length ? list[pos] : null;
    add(a, b);
    list.splice(pos, 0, generateKeyBetween(a, b));
  }
  // Random non-adjacent pairs from that list.
  for (let i = 0; i < 300; i++) {
    const x = Math.floor(random() * list.length), y = Math.floor(random() * list.length);
    if (x !== y) add(list[Math.min(x, y)], list[Math.max(x, y)]);
  }
}

const lit = (s) => (s == null ? "nullptr" : JSON.stringify(s));
console.log(`// Generated by order_key_vectors.mjs from npm fractional-indexing ${version}; do not edit.`);
console.log("// {a, b, expected}: generateKeyBetween(a, b) == expected (nullptr: no key).");
console.log("static const order_key_vector valid_vectors[] = {");
for (const [a, b, r] of valid) console.log(`    {${lit(a)}, ${lit(b)}, ${lit(r)}},`);
console.log("};");
console.log("// {a, b, npm's message}: generateKeyBetween(a, b) throws.");
console.log("static const order_key_vector invalid_vectors[] = {");
for (const [a, b, r] of invalid) console.log(`    {${lit(a)}, ${lit(b)}, ${lit(r)}},`);
console.log("};");

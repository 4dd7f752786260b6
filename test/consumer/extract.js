// Prints the n-th ```ts block after a heading of a Markdown file, word for word:
// node extract.js FILE HEADING [N]   (N counts from 1; default 1)
const fs = require('fs');
const [file, heading, n = '1'] = process.argv.slice(2);
const text = fs.readFileSync(file, 'utf8');
const at = `\n${text}`.indexOf(`\n${heading}\n`);
if (at < 0) throw new Error(`${file}: no heading "${heading}"`);
const blocks = [...text.slice(at).matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
const block = blocks[Number(n) - 1];
if (block === undefined) throw new Error(`${file}: no ts block ${n} after "${heading}"`);
process.stdout.write(block);

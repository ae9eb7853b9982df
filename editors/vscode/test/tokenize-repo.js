// Tokenizes every Deluge script of the repository with the grammar and
// checks that nothing leaks: at the end of each file the grammar is back in
// its top-level state (no string, comment or header left open), and no line
// takes the tokenizer so long that it stops early.
//
// Usage: node test/tokenize-repo.js   (from editors/vscode, after npm ci)

"use strict";
const fs = require("fs");
const path = require("path");
const vsctm = require("vscode-textmate");
const oniguruma = require("vscode-oniguruma");

const root = path.resolve(__dirname, "../../..");
const grammarPath = path.resolve(__dirname, "../syntaxes/deluge.tmLanguage.json");
const folders = ["examples", "benches", "tests"];

function scripts(dir) {
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      found.push(...scripts(full));
    } else if (/\.(dg|deluge|ds)$/.test(entry.name)) {
      found.push(full);
    }
  }
  return found;
}

// Scripts that are wrong on purpose may leave a literal or a comment open:
// the diagnostics fixtures, and conformance files that expect the
// unterminated-text (E104) or unterminated-comment (E105) error.
function expectedToClose(file) {
  if (file.includes(`${path.sep}diagnostics${path.sep}`)) {
    return false;
  }
  return !/expect-error: E10[45]/.test(fs.readFileSync(file, "utf8"));
}

async function main() {
  const wasm = fs.readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm")).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async () =>
      vsctm.parseRawGrammar(fs.readFileSync(grammarPath, "utf8"), grammarPath),
  });
  const grammar = await registry.loadGrammar("source.deluge");
  // The state at the top level, outside any string, comment or header.
  const topLevel = grammar.tokenizeLine("", vsctm.INITIAL).ruleStack;
  const files = folders.flatMap((f) => scripts(path.join(root, f))).filter(expectedToClose);
  const failures = [];
  for (const file of files) {
    let state = vsctm.INITIAL;
    const lines = fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
    lines.forEach((line, i) => {
      const result = grammar.tokenizeLine(line, state, 1000);
      if (result.stoppedEarly) {
        failures.push(`${file}:${i + 1}: tokenizing stopped early`);
      }
      state = result.ruleStack;
    });
    if (!state.equals(topLevel)) {
      failures.push(`${path.relative(root, file)}: the grammar ends inside a construct`);
    }
  }
  if (failures.length > 0) {
    console.error(failures.join("\n"));
    process.exit(1);
  }
  console.log(`tokenized ${files.length} scripts; every one ends in the top-level state`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

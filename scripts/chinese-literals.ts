// The check that keeps Chinese out of src/ (part of `npm run lint`): what the bot says is the campaign's
// (conversations/), what the operator reads is texts/operator.yaml. The string, template and regex literals
// of src/ that hold Chinese characters are counted file by file against ALLOWED, where each file says why
// its literals are code: how Chinese is written the same in any campaign, not what the bot says. A literal
// anywhere else, or one more in a listed file, fails the check and is named with its line.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ALLOWED: Record<string, { count: number; why: string }> = {
  'src/admin/commands.ts': { count: 3, why: 'how an admin numbers and lists picks: 第3个, 1、2和3' },
  'src/app/options.ts': { count: 1, why: 'the name of the one account when no ACCOUNTS are set, 微信' },
  'src/bot/connection-text.ts': { count: 1, why: "the puppet's own words for a network error, read, never printed" },
  'src/campaign/city.ts': { count: 1, why: 'the 市 that ends a city name' },
  'src/conversation/answers.ts': { count: 1, why: 'the numbering a member writes before an answer: （1）, 一、, ①' },
  'src/conversation/commands.ts': { count: 3, why: '第…项 and the numbers a member replies with' },
  'src/conversation/labels.ts': { count: 2, why: 'the numbering before a pasted label: 第1项：, （一）' },
  'src/conversation/paste-words.ts': { count: 2, why: 'the numerals 一…十 and 第…条 of a pasted list' },
};

const HAN = /\p{Script=Han}/u;

function* sources(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'generated') yield* sources(full);
    else if (entry.isFile() && entry.name.endsWith('.ts')) yield full;
  }
}

/** Each literal of `file` that holds a Chinese character, with its line. */
function literals(file: string): { line: number; text: string }[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { line: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    const literal =
      ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node) || ts.isRegularExpressionLiteral(node);
    if (literal && HAN.test(node.getText())) {
      found.push({ line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: node.getText() });
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const problems: string[] = [];
let total = 0;
const seen = new Set<string>();
for (const file of sources('src')) {
  const found = literals(file);
  const name = file.split(path.sep).join('/');
  total += found.length;
  if (found.length === 0) continue;
  seen.add(name);
  const allowed = ALLOWED[name];
  if (allowed?.count === found.length) continue;
  const expected = allowed ? `${allowed.count} allowed (${allowed.why})` : 'none allowed';
  problems.push(`${name}: ${found.length} Chinese literals, ${expected}:`, ...found.map(({ line, text }) => `  ${name}:${line}: ${text.slice(0, 80)}`));
}
for (const name of Object.keys(ALLOWED))
  if (!seen.has(name)) problems.push(`${name}: no Chinese literal any more; take it out of ALLOWED in scripts/chinese-literals.ts`);

if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(
    'A sentence the bot says belongs in conversations/*.yaml, one the operator reads in texts/operator.yaml; a rule of written Chinese goes in ALLOWED with its reason.',
  );
  process.exit(1);
}
console.log(`✔ ${total} Chinese literals in src/, each in a file ALLOWED says why`);

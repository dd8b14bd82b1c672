// Writes syntaxes/topology.tmLanguage.json from its template and the vocabulary the server
// build exports (server/target/topo-language.json), so that the TextMate grammar knows every
// keyword without restating the language. `{{name}}` placeholders are filled with keyword
// lists; a rule with an "x-each" kind is repeated for each keyword of that kind, named after
// the keyword, and the statement rule includes each copy where the template included the kind.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const extension = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const exported = path.resolve(extension, '..', 'server', 'target', 'topo-language.json');
if (!existsSync(exported)) {
  console.error(`error: ${path.relative(process.cwd(), exported)} does not exist: run mvn -B package first (in the repository root).`);
  process.exit(1);
}
const language = JSON.parse(readFileSync(exported, 'utf8'));
const template = readFileSync(path.join(extension, 'syntaxes', 'topology.tmLanguage.template.json'), 'utf8');

/** What kind of rule colours a keyword and what follows it. */
export function kindOf(keyword) {
  if (keyword.form !== 'property') return keyword.form === 'import' ? 'import' : 'blocks';
  const first = keyword.slots[0];
  if (first.role === 'platform') return 'platforms';
  if (first.role === 'library' || first.role === 'library_reference') return 'libraries';
  if (first.shape === 'word_list') return first.closed.length > 0 ? 'closed-list' : 'reference-list';
  if (first.shape === 'word' && first.closed.length > 0) return 'closed-value';
  if (first.shape === 'key') return 'labels';
  if (first.shape === 'cores') return 'cores';
  if (first.shape === 'string' && first.role === 'version') return 'versions';
  return 'scalars';
}

/** The scope of a closed word: by what the slot's words are. */
function valueScope(keyword) {
  const first = keyword.slots[0];
  if (first.role === 'os_family') return 'support.constant.os-family.topology';
  if (first.role === 'namespace') return 'support.constant.namespace.topology';
  if ([...first.closed].sort().join() === 'false,true') return 'constant.language.boolean.$2.topology';
  return `support.constant.${keyword.word}.topology`;
}

const escape = (word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const lists = {};
for (const keyword of language.keywords) {
  (lists[kindOf(keyword)] ??= []).push(escape(keyword.word));
}
// A kind no keyword has matches nothing, rather than the empty word everywhere.
const filled = template.replace(/\{\{(import|blocks|platforms|libraries|versions|labels|cores|scalars)\}\}/g,
  (_, kind) => (lists[kind] ?? []).join('|') || '(?!)');
const grammar = JSON.parse(filled);

const repository = {};
const includes = {};
for (const [name, rule] of Object.entries(grammar.repository)) {
  if (!rule['x-each']) {
    repository[name] = rule;
    continue;
  }
  includes[name] = [];
  for (const keyword of language.keywords.filter((k) => kindOf(k) === rule['x-each'])) {
    const copy = JSON.stringify(rule)
      .replaceAll('{{word}}', escape(keyword.word))
      .replaceAll('{{closed}}', keyword.slots[0].closed.map(escape).join('|'))
      .replaceAll('{{value-scope}}', valueScope(keyword));
    const { 'x-each': _, ...plain } = JSON.parse(copy);
    repository[keyword.word] = plain;
    includes[name].push({ include: `#${keyword.word}` });
  }
}
repository.statement.patterns = repository.statement.patterns.flatMap(
  (p) => includes[p.include?.slice(1)] ?? [p]);
grammar.repository = repository;
writeFileSync(path.join(extension, 'syntaxes', 'topology.tmLanguage.json'), JSON.stringify(grammar, null, 2) + '\n');

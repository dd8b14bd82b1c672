// The extension's copies of the language (the TextMate grammar's keywords and value sets,
// the rule ids of the settings schema) checked against the language server's own
// description of it, which the Maven build exports to server/target/topo-language.json.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

interface Slot { label: string; shape: string; role: string; optional: boolean; closed: string[]; suggested: string[] }
interface Keyword { word: string; form: string; allowedIn: string[]; repeatable: boolean; snippet: string; slots: Slot[] }
interface Language { keywords: Keyword[]; rules: { id: string; severity: string }[] }

const EXPORT = '../server/target/topo-language.json';
if (!existsSync(EXPORT)) {
  throw new Error(`${EXPORT} is missing: build the server first (mvn -B -q package -DskipTests)`);
}
const language: Language = JSON.parse(readFileSync(EXPORT, 'utf8'));
const grammar = JSON.parse(readFileSync('syntaxes/topology.tmLanguage.json', 'utf8'));
const repository: Record<string, { match?: string; begin?: string; patterns?: { match?: string }[] }> = grammar.repository;

/** The words of the keyword alternation a rule starts with: `(?<![..])(a|b|c)(?![..])`. */
function keywordsOf(regex: string | undefined): string[] {
  const m = regex?.match(/^\(\?<!\[A-Za-z0-9_-\]\)\(([a-z|-]+)\)/);
  return m ? m[1].split('|') : [];
}

/**
 * The closed words a rule colours after its keyword or in its list: `(?:(x|y|z)(?![..])|NAME)`;
 * words may hold digits (amd64, v2, 386).
 */
function closedWordsOf(rule: { match?: string; patterns?: { match?: string }[] }): string[] {
  const regexes = [rule.match ?? '', ...(rule.patterns ?? []).map((p) => p.match ?? '')];
  for (const regex of regexes) {
    const m = regex.match(/\(\?:\(([a-z0-9|-]+)\)\(\?!\[A-Za-z0-9_-\]\)\|/);
    if (m) return m[1].split('|');
  }
  return [];
}

describe('the TextMate grammar against the vocabulary', () => {
  const ruleOf = new Map<string, string>();
  for (const [name, rule] of Object.entries(repository)) {
    for (const word of keywordsOf(rule.match ?? rule.begin)) ruleOf.set(word, name);
  }

  it('colours every keyword of the language and no other word as one', () => {
    assert.deepEqual([...ruleOf.keys()].sort(), language.keywords.map((k) => k.word).sort());
  });

  it('colours exactly the closed set of words each keyword accepts', () => {
    for (const k of language.keywords) {
      const closed = k.slots[0]?.closed ?? [];
      const rule = repository[ruleOf.get(k.word)!];
      const coloured = closedWordsOf(rule);
      if (closed.length > 0) {
        assert.deepEqual([...coloured].sort(), [...closed].sort(), `the values of ${k.word}`);
      }
    }
  });

  it('puts each keyword in the rule that fits what follows it', () => {
    for (const k of language.keywords) {
      const rule = ruleOf.get(k.word);
      const first = k.slots[0];
      const expected = k.form === 'import' ? 'import'
        : k.form === 'block' ? 'declaration'
        : first.role === 'platform' ? 'named-value'
        : first.role === 'library' || first.role === 'library_reference' ? 'library'
        : first.closed.length > 0 || first.shape === 'word_list' ? k.word
        : first.shape === 'key' ? 'label'
        : first.shape === 'cores' ? 'cores'
        : first.shape === 'string' && first.role === 'version' ? 'version-value'
        : 'value-keyword';
      assert.equal(rule, expected, k.word);
    }
  });
});

describe('the settings schema against the rules', () => {
  it('lists every rule id once, and no other', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
    const rules = manifest.contributes.configuration.properties['topology.rules'].properties;
    assert.deepEqual(Object.keys(rules).sort(), language.rules.map((r) => r.id).sort());
  });
});

// A small recognizer of the language specification's structure (issue 2, "Structure"),
// used to prove that the snippets expand to valid topology text. It is not the product's
// parser, which lives in the server; it only accepts or names the first problem.

const TOKEN = /\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/|("(?:[^"\\\n]|\\["\\])*")|(-?\d+(?:\.\d+)?(?:(?:Ki|Mi|Gi|Ti|K|M|G|T)B?)?)(?![A-Za-z0-9_-])|([A-Za-z_][A-Za-z0-9_-]*)|([{},;])/y;

type Kind = 'string' | 'number' | 'name' | 'punctuation';
interface Token { kind: Kind; text: string }

const CHILDREN: Record<string, string[]> = {
  host: ['vm', 'container', 'module'], vm: ['container', 'module'], container: ['module'],
  cluster: ['pod'], pod: ['container'], module: [],
};
const STATEMENTS: Record<string, string[]> = {
  host: ['os', 'cpu', 'memory', 'hypervisor', 'runtime', 'library'],
  vm: ['os', 'cpu', 'memory', 'runtime', 'library'],
  container: ['os', 'cpu', 'memory', 'image', 'privileged', 'share', 'library'],
  cluster: ['nodes'], pod: ['replicas'], module: ['language', 'requires', 'load'],
};
const ONCE = ['os', 'cpu', 'memory', 'hypervisor', 'runtime', 'image', 'privileged', 'share'];
const FAMILIES = ['linux', 'windows', 'macos', 'freebsd'];
const NAMESPACES = ['network', 'pid', 'ipc', 'uts', 'mount', 'user'];

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m) {
      throw new Error(`unexpected text at offset ${at}: ${JSON.stringify(text.slice(at, at + 12))}`);
    }
    const kind: Kind | undefined = m[1] ? 'string' : m[2] ? 'number' : m[3] ? 'name' : m[4] ? 'punctuation' : undefined;
    if (kind) {
      tokens.push({ kind, text: m[0] });
    }
  }
  return tokens;
}

/** Throws an Error naming the first deviation from the specification. */
export function checkTopology(text: string): void {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const fail = (wanted: string): never => {
    throw new Error(`expected ${wanted} but found ${peek() ? JSON.stringify(peek().text) : 'the end'} (token ${pos})`);
  };
  const take = (kind: Kind, ...texts: string[]): string => {
    const token = peek();
    if (!token || token.kind !== kind || (texts.length > 0 && !texts.includes(token.text))) {
      fail(texts.length ? texts.join('|') : kind);
    }
    pos++;
    return token.text;
  };
  const optional = (text: string) => peek()?.text === text && pos++ !== undefined;
  const list = (values?: string[]) => {
    do take('name', ...(values ?? [])); while (optional(','));
  };

  const statement = (word: string) => {
    switch (word) {
      case 'os': take('name', ...FAMILIES); if (peek()?.kind === 'string') pos++; break;
      case 'cpu': case 'memory': case 'replicas': take('number'); break;
      case 'hypervisor': case 'runtime': take('name'); if (peek()?.kind === 'string') pos++; break;
      case 'library': case 'requires': take('name'); take('string'); break;
      case 'image': take('string'); break;
      case 'privileged': take('name', 'true', 'false'); break;
      case 'share': list(NAMESPACES); break;
      case 'nodes': list(); break;
      case 'language': take('name'); break;
      case 'load': take('name', 'low', 'medium', 'high'); break;
    }
  };
  const block = (kind: string) => {
    take('name');
    take('punctuation', '{');
    const seen = new Set<string>();
    while (peek() && peek().text !== '}') {
      const word = take('name');
      if (CHILDREN[kind].includes(word)) {
        block(word);
      } else if (STATEMENTS[kind].includes(word)) {
        if (ONCE.includes(word) && seen.has(word)) {
          throw new Error(`${word} is given twice in a ${kind}`);
        }
        seen.add(word);
        statement(word);
      } else {
        throw new Error(`${word} is not allowed in a ${kind}`);
      }
      optional(';');
    }
    take('punctuation', '}');
  };

  while (peek()?.text === 'import') {
    pos++;
    take('string');
    optional(';');
  }
  while (peek()) {
    block(take('name', 'host', 'cluster'));
  }
}

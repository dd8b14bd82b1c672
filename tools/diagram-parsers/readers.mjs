// The committed Mermaid and DOT files read by the real parsers, each into the same shape, so
// that the tests can say both files show the same boxes, lines, colours and edges:
//   { boxes: Map(id -> { parent, lines, colour }), edges: ['n1 -> n2 node'...], notes: [lines] }
// Ids are topo's short ids (n0, n1...), which both writers use.
import { JSDOM } from 'jsdom';
import { parse as parseDot } from '@ts-graphviz/ast';

// Mermaid sanitizes labels with DOMPurify, which needs a DOM: jsdom gives it one in Node.
// It must be there before mermaid is loaded.
const { window } = new JSDOM('');
globalThis.window = window;
globalThis.document = window.document;
const { default: mermaid } = await import('mermaid');

/** Throws when Mermaid rejects the text; returns the type of diagram it read. */
export async function parseMermaid(text) {
  const { diagramType } = await mermaid.parse(text);
  return diagramType;
}

/** Mermaid's own reading of a flowchart: its vertices, subgraphs, edges and classes. */
export async function readMermaid(text) {
  await mermaid.parse(text);
  const { db } = await mermaid.mermaidAPI.getDiagramFromText(text);
  const vertices = db.getVertices();
  const subgraphs = db.getSubGraphs();
  const classes = db.getClasses();
  const subgraphIds = new Set(subgraphs.map((s) => s.id));
  const parents = new Map();
  for (const s of subgraphs) {
    for (const child of s.nodes) parents.set(child, s.id);
  }
  const stroke = (styles) => styles.map((s) => /^stroke:(#\w+)$/.exec(s)?.[1]).find(Boolean) ?? null;
  const boxes = new Map();
  for (const s of subgraphs) {
    const facts = vertices.get(`${s.id}_facts`);
    boxes.set(s.id, {
      parent: parents.get(s.id) ?? null,
      lines: [...mermaidLines(s.title), ...(facts ? mermaidLines(facts.text) : [])],
      // A subgraph is coloured by `style`, which Mermaid keeps on a vertex of the same id.
      colour: stroke(vertices.get(s.id)?.styles ?? []),
    });
  }
  for (const [id, v] of vertices) {
    if (subgraphIds.has(id) || id.endsWith('_facts') || id === 'notes') continue;
    const severity = v.classes.find((c) => classes.has(c) && c !== 'default');
    boxes.set(id, {
      parent: parents.get(id) ?? null,
      lines: mermaidLines(v.text),
      colour: severity ? stroke(classes.get(severity).styles) : null,
    });
  }
  const edges = db.getEdges().map((e) => `${e.start} -> ${e.end} ${e.stroke === 'dotted' ? 'may-run-on' : 'node'}`);
  const notes = vertices.has('notes') ? mermaidLines(vertices.get('notes').text) : [];
  return { boxes, edges, notes };
}

/**
 * A label as the browser shows it: Mermaid's parser keeps entity codes (#34;) in its own
 * placeholders and <br/> as <br>, and turns them into HTML when it draws.
 */
function mermaidLines(text) {
  const html = text.replace(/ﬂ°°/g, '&#').replace(/ﬂ°/g, '&').replace(/¶ß/g, ';');
  const element = window.document.createElement('textarea');
  return html.split(/<br\s*\/?>/).map((line) => {
    element.innerHTML = line;
    return element.value;
  });
}

/** Throws when the DOT grammar rejects the text; returns the syntax tree. */
export function parseDotText(text) {
  return parseDot(text);
}

/** The DOT parser's reading of a graph: its clusters and nodes (less the anchors), edges and label. */
export function readDot(text) {
  const graph = parseDot(text).children.find((c) => c.type === 'Graph');
  const boxes = new Map();
  const edges = [];
  const attributes = (statements) => Object.fromEntries(
    statements.filter((s) => s.type === 'Attribute').map((a) => [a.key.value, a.value.value]));
  const colour = (a) => (a.penwidth === '2' ? a.color : null);
  const walk = (node, parent) => {
    for (const s of node.children) {
      if (s.type === 'Subgraph') {
        const id = s.id.value.replace(/^cluster_/, '');
        const a = attributes(s.children);
        boxes.set(id, { parent, lines: dotLines(a.label), colour: colour(a) });
        walk(s, id);
      } else if (s.type === 'Node') {
        const a = attributes(s.children);
        if (a.shape !== 'point') boxes.set(s.id.value, { parent, lines: dotLines(a.label), colour: colour(a) });
      } else if (s.type === 'Edge') {
        const a = attributes(s.children);
        edges.push(`${s.targets[0].id.value} -> ${s.targets[1].id.value} ${a.style === 'dashed' ? 'may-run-on' : 'node'}`);
      }
    }
  };
  walk(graph, null);
  const root = attributes(graph.children);
  return { boxes, edges, notes: root.label ? dotLines(root.label) : [] };
}

/** A DOT string as Graphviz shows it: \n, \l and \r end a line, \\ is a backslash. */
function dotLines(value) {
  const text = value.replace(/\\(.)/g, (_, c) => ('nlr'.includes(c) ? '\n' : c));
  return text.replace(/\n$/, '').split('\n');
}

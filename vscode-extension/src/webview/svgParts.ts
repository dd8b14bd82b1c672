// The server's SVG cut into its top-level parts, so that a redraw after an edit sends and
// parses only the parts that changed: most edits change one host or cluster, or nothing in
// the picture, and parsing and laying out a large design's whole SVG takes the webview far
// longer than the edit's round trip. Pure: used by the extension (to cut and compare) and by
// the page (to key the nodes it patches).
//
// It relies on how the server writes the SVG (SvgWriter, see the SVG contract in
// docs/diagram.md): the `<svg ...>` start tag on the first line, each top-level child
// starting on a line of its own indented by exactly two spaces (its end tag, if on a line of
// its own, too; whatever it holds is indented more), and `</svg>` on the last line. Anything
// else is not cut, and is drawn whole. A box that changed is cut one level deeper, and so on
// down: its own elements (title, frame, texts, badge), each on a line two spaces deeper than
// its start tag, before its child boxes, each of which starts on such a line and ends there
// with `</g>`, and its end tag on a line as deep as its start tag; so that an edit that changes
// a cluster's total and not its pods sends the cluster's few own lines, not its pods. A box
// not written so is replaced whole.

/** The picture's size, from the `<svg>` start tag. */
export interface SvgSize {
  readonly viewBox: string;
  readonly width: string;
  readonly height: string;
}

/** A top-level child of the `<svg>`: a host's or cluster's box, the edges, a note. */
export interface SvgPart {
  readonly key: string;
  readonly text: string;
}

export interface SplitSvg {
  /** The `<svg>` start tag without its size, and the `<style>` and `<defs>` that follow it. */
  readonly header: string;
  readonly size: SvgSize;
  readonly parts: readonly SvgPart[];
  readonly footer: string;
}

/** A change inside a top-level box: of its own elements only, or of one of its nested boxes whole. */
export interface BoxPatch {
  /** The data-ids of the boxes from the top-level one down to the box changed. */
  readonly path: readonly string[];
  /**
   * Its start tag, its own elements and its end tag, without its child boxes, which stay as
   * they are: only its own lines changed. Else `text` is set.
   */
  readonly own?: string;
  /** Its whole group (a nested box, since a top-level one is a part), replaced. */
  readonly text?: string;
}

/** What a redraw sends instead of the whole SVG. */
export interface SvgPatch {
  /** The new size, when it changed. */
  readonly size?: SvgSize;
  /** The keys of all the parts in order, when they are not those of the last picture in the same order. */
  readonly keys?: readonly string[];
  /** The parts changed or new, in the picture's order, each whole. */
  readonly parts: readonly SvgPart[];
  /** The changes inside the top-level boxes that changed but kept their child boxes (absent: none). */
  readonly boxes?: readonly BoxPatch[];
}

/** The picture the page shows: its text, and its parts if it could be cut. */
export interface Drawing {
  readonly svg: string;
  readonly split?: SplitSvg;
}

/** Above this share of the new SVG's length in changed parts, the whole is drawn: patching saves little then. */
export const PATCH_LIMIT = 0.5;

const HEADER_TAGS = new Set(['style', 'defs']);
const SIZE = /\s(viewBox|width|height)="([^"]*)"/g;
const TOP_LEVEL_START = /^ {2}<[^/\s]/;

/**
 * The key of a top-level part, the same for its text here and for its node in the page: a
 * box by its data-id, anything else by its tag, class and rank among its likes.
 */
export function partKey(tag: string, cssClass: string | null, id: string | null, seen: Map<string, number>): string {
  if (id !== null) {
    return `#${id}`;
  }
  const kind = `${tag}.${cssClass ?? ''}`;
  const rank = seen.get(kind) ?? 0;
  seen.set(kind, rank + 1);
  return `${kind}:${rank}`;
}

/** Whether a top-level child is the header's (`<style>`, `<defs>`) rather than a part. */
export function isHeaderTag(tag: string): boolean {
  return HEADER_TAGS.has(tag);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** An attribute's value as the page reads it (the server escapes the five and line breaks). */
function unescape(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, name: string) => name.startsWith('#')
    ? String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)))
    : ENTITIES[name.toLowerCase()]);
}

function attribute(startTag: string, name: string): string | null {
  const found = new RegExp(`\\s${name}="([^"]*)"`).exec(startTag);
  return found ? unescape(found[1]) : null;
}

/** The SVG cut into header, parts and footer, or undefined if it is not written as SvgWriter writes. */
export function splitSvg(svg: string): SplitSvg | undefined {
  const lines = svg.split('\n');
  const last = lines.at(-1) === '' ? lines.length - 2 : lines.length - 1;
  if (last < 1 || !lines[0].startsWith('<svg') || !lines[0].endsWith('>') || lines[last] !== '</svg>') {
    return undefined;
  }
  const size: Record<string, string> = {};
  const header = [lines[0].replace(SIZE, (_, name: string, value: string) => {
    size[name] = value;
    return ` ${name}=""`;
  })];
  if (size.viewBox === undefined || size.width === undefined || size.height === undefined) {
    return undefined;
  }
  const parts: SvgPart[] = [];
  const seen = new Map<string, number>();
  const keys = new Set<string>();
  let current: string[] | undefined;
  const close = (): boolean => {
    if (current) {
      const text = current.join('\n') + '\n';
      const start = current[0];
      const tag = /^ {2}<([\w:-]+)/.exec(start)?.[1] ?? '';
      if (isHeaderTag(tag) && parts.length === 0) {
        header.push(text.slice(0, -1));
      } else {
        const key = partKey(tag, attribute(start, 'class'), attribute(start, 'data-id'), seen);
        if (keys.has(key)) {
          return false;
        }
        keys.add(key);
        parts.push({ key, text });
      }
    }
    return true;
  };
  for (let i = 1; i < last; i++) {
    if (TOP_LEVEL_START.test(lines[i])) {
      if (!close()) {
        return undefined;
      }
      current = [lines[i]];
    } else if (current && lines[i].startsWith('  ')) {
      current.push(lines[i]);
    } else {
      return undefined;
    }
  }
  if (!close()) {
    return undefined;
  }
  return {
    header: header.join('\n'),
    size: { viewBox: size.viewBox, width: size.width, height: size.height },
    parts,
    footer: lines.slice(last).join('\n'),
  };
}

/** A box's group cut one level deeper: its own lines (with its start and end tags), and its child boxes. */
interface CutBox {
  readonly own: string;
  readonly children: readonly { readonly id: string; readonly text: string }[];
}

const BOX_START = /^<g class="topo-box[ "]/;

/**
 * The group of a box whose start tag is indented by `depth` levels, cut into its own lines
 * and its child boxes, or undefined when it is not written as SvgWriter writes a box.
 */
export function cutBox(text: string, depth: number): CutBox | undefined {
  const lines = text.split('\n');
  const indent = '  '.repeat(depth);
  const inner = indent + '  ';
  const last = lines.at(-1) === '' ? lines.length - 2 : lines.length - 1;
  if (last < 1 || !lines[0].startsWith(indent) || !BOX_START.test(lines[0].slice(indent.length))
    || lines[last] !== `${indent}</g>`) {
    return undefined;
  }
  const own = [lines[0]];
  const children: { id: string; text: string }[] = [];
  const ids = new Set<string>();
  const level = (line: string) => line.startsWith(inner) && line[inner.length] !== ' ';
  for (let i = 1; i < last; i++) {
    if (!lines[i].startsWith(inner)) {
      return undefined;
    }
    if (!level(lines[i]) || !BOX_START.test(lines[i].slice(inner.length))) {
      if (children.length > 0) {
        return undefined; // an own element after a child box: not as SvgWriter writes
      }
      own.push(lines[i]);
      continue;
    }
    let end = i + 1;
    while (end < last && !level(lines[end])) {
      end++;
    }
    const id = attribute(lines[i], 'data-id');
    if (end === last || lines[end] !== `${inner}</g>` || id === null || ids.has(id)) {
      return undefined;
    }
    ids.add(id);
    children.push({ id, text: lines.slice(i, end + 1).join('\n') + '\n' });
    i = end;
  }
  own.push(lines[last]);
  return { own: own.join('\n') + '\n', children };
}

/**
 * The changes that turn the box at `path` (of `depth` levels) from `before` into `after`
 * when they have the same child boxes in the same order, found down the boxes that changed,
 * else false (the box is then replaced whole). A box with no child boxes is replaced whole.
 */
function boxChanges(path: readonly string[], depth: number, before: string, after: string, out: BoxPatch[]): boolean {
  const old = cutBox(before, depth);
  const now = cutBox(after, depth);
  if (!old || !now || now.children.length === 0 || old.children.length !== now.children.length
    || now.children.some((child, i) => child.id !== old.children[i].id)) {
    return false;
  }
  if (old.own !== now.own) {
    out.push({ path, own: now.own });
  }
  now.children.forEach((child, i) => {
    if (child.text !== old.children[i].text) {
      const inside = [...path, child.id];
      if (!boxChanges(inside, depth + 1, old.children[i].text, child.text, out)) {
        out.push({ path: inside, text: child.text });
      }
    }
  });
  return true;
}

const sameSize = (a: SvgSize, b: SvgSize) => a.viewBox === b.viewBox && a.width === b.width && a.height === b.height;

/**
 * What to send to turn the picture `before` into `after`: nothing (a patch of no parts) when
 * they are the same, the parts that changed, or undefined when the whole must be drawn (one of
 * them could not be cut, their headers differ, or most of it changed).
 */
export function diffSvg(before: SplitSvg | undefined, after: SplitSvg | undefined): SvgPatch | undefined {
  if (!before || !after || before.header !== after.header || before.footer !== after.footer) {
    return undefined;
  }
  const old = new Map(before.parts.map((p) => [p.key, p.text]));
  const parts: SvgPart[] = [];
  const boxes: BoxPatch[] = [];
  for (const part of after.parts) {
    const was = old.get(part.key);
    if (was === part.text) {
      continue;
    }
    const inside = was !== undefined && part.key.startsWith('#') && boxChanges([part.key.slice(1)], 1, was, part.text, boxes);
    if (!inside) {
      parts.push(part);
    }
  }
  const total = after.parts.reduce((sum, p) => sum + p.text.length, 0);
  const sent = parts.reduce((sum, p) => sum + p.text.length, 0) + boxes.reduce((sum, b) => sum + (b.own ?? b.text ?? '').length, 0);
  if (sent > total * PATCH_LIMIT) {
    return undefined;
  }
  const keys = after.parts.map((p) => p.key);
  const reordered = keys.length !== before.parts.length || keys.some((key, i) => key !== before.parts[i].key);
  return {
    ...(sameSize(before.size, after.size) ? {} : { size: after.size }),
    ...(reordered ? { keys } : {}),
    parts,
    ...(boxes.length > 0 ? { boxes } : {}),
  };
}

/**
 * The picture `svg` after the one the page shows (none: it shows none), and the patch that
 * draws it there, or no patch when it must be drawn whole.
 */
export function nextDrawing(shown: Drawing | undefined, svg: string): { drawing: Drawing; patch?: SvgPatch } {
  if (shown?.svg === svg) {
    return { drawing: shown, patch: { parts: [] } };
  }
  const drawing = { svg, split: splitSvg(svg) };
  return { drawing, patch: shown ? diffSvg(shown.split, drawing.split) : undefined };
}

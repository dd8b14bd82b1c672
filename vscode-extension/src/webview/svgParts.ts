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
// else is not cut, and is drawn whole.

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

/** What a redraw sends instead of the whole SVG. */
export interface SvgPatch {
  /** The new size, when it changed. */
  readonly size?: SvgSize;
  /** The keys of all the parts in order, when they are not those of the last picture in the same order. */
  readonly keys?: readonly string[];
  /** The parts changed or new, in the picture's order. */
  readonly parts: readonly SvgPart[];
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
  const changed = after.parts.filter((p) => old.get(p.key) !== p.text);
  const total = after.parts.reduce((sum, p) => sum + p.text.length, 0);
  if (changed.reduce((sum, p) => sum + p.text.length, 0) > total * PATCH_LIMIT) {
    return undefined;
  }
  const keys = after.parts.map((p) => p.key);
  const reordered = keys.length !== before.parts.length || keys.some((key, i) => key !== before.parts[i].key);
  return {
    ...(sameSize(before.size, after.size) ? {} : { size: after.size }),
    ...(reordered ? { keys } : {}),
    parts: changed,
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

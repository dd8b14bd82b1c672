// The messages between the extension and the diagram's webview, both ways. The webview's
// are checked on arrival: they come from another process, and a click's place is read from
// the SVG's data- attributes.
import type { LspRange, Notice } from '../diagramModel';
import type { SvgPatch } from './svgParts';

/** From the extension to the webview. */
export type ToWebview =
  /**
   * A new picture: the server's SVG, what to say about it, the box to highlight, and whether
   * it is of another document than the last one (to fit it rather than keep the view).
   */
  | { readonly type: 'diagram'; readonly svg: string; readonly notice?: Notice; readonly selected?: string; readonly fresh?: boolean }
  /**
   * The next picture of the same document, as the parts of the last one's SVG that changed
   * (see svgParts.ts); no parts: the picture is the same. The view is kept.
   */
  | ({ readonly type: 'patch'; readonly notice?: Notice; readonly selected?: string } & SvgPatch)
  /** The box that holds the editor's cursor now (none: no highlight). */
  | { readonly type: 'select'; readonly id?: string }
  /** No picture to show, and why (the server is not running, the request failed). */
  | { readonly type: 'message'; readonly text: string }
  /** A new picture is being drawn (a big design's layout takes seconds). */
  | { readonly type: 'busy' };

/** From the webview to the extension. */
export type FromWebview =
  /** The page has no picture (loaded again after being hidden, or a patch it could not apply): send it the whole. */
  | { readonly type: 'ready' }
  /** A box was clicked: show where its entity is written. */
  | { readonly type: 'reveal'; readonly uri: string; readonly range: LspRange }
  /** The Export SVG button. */
  | { readonly type: 'export' };

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

function isRange(value: unknown): value is LspRange {
  const range = value as LspRange | undefined;
  return !!range && !!range.start && !!range.end && isCount(range.start.line) && isCount(range.start.character)
    && isCount(range.end.line) && isCount(range.end.character);
}

/** The message if it is one the webview sends, else undefined. */
export function fromWebview(message: unknown): FromWebview | undefined {
  const m = message as { type?: unknown; uri?: unknown; range?: unknown } | null | undefined;
  switch (m?.type) {
    case 'ready':
    case 'export':
      return { type: m.type };
    case 'reveal':
      return typeof m.uri === 'string' && m.uri !== '' && isRange(m.range) ? { type: 'reveal', uri: m.uri, range: m.range } : undefined;
    default:
      return undefined;
  }
}

/** The reveal message for a box of the SVG, from its data- attributes (see the SVG contract in docs/diagram.md). */
export function revealFor(attribute: (name: string) => string | null): FromWebview | undefined {
  const count = (name: string) => {
    const text = attribute(name);
    return text !== null && /^\d+$/.test(text) ? Number(text) : NaN;
  };
  return fromWebview({
    type: 'reveal',
    uri: attribute('data-uri'),
    range: {
      start: { line: count('data-line'), character: count('data-character') },
      end: { line: count('data-end-line'), character: count('data-end-character') },
    },
  });
}

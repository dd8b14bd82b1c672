// The `topology/diagram` answer as the extension reads it, and what it works out from it
// without the editor: which box holds the cursor, which documents the picture depends on.
// Pure functions, so the unit tests need no VS Code.

/** Custom request: params `{ uri, focus?, standalone? }`, result {@link DiagramAnswer} or null. */
export const DIAGRAM_REQUEST = 'topology/diagram';

export interface DiagramParams {
  readonly uri: string;
  readonly focus?: string;
  /** The SVG with its own style sheet, for a file; else the one the webview styles. */
  readonly standalone?: boolean;
}

export interface LspPosition {
  readonly line: number;
  readonly character: number;
}

export interface LspRange {
  readonly start: LspPosition;
  readonly end: LspPosition;
}

export interface DiagramBox {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  readonly source: { readonly uri: string; readonly range: LspRange };
  readonly worst?: string;
  readonly findings: readonly { readonly severity: string; readonly rule: string; readonly message: string }[];
  readonly children: readonly DiagramBox[];
}

/** The laid-out graph (the server's DiagramJson); only the fields the extension reads are typed. */
export interface DiagramJson {
  readonly version: number;
  readonly width: number;
  readonly height: number;
  readonly partial: boolean;
  readonly unplaced: number;
  readonly boxes: readonly DiagramBox[];
}

export interface DiagramAnswer {
  readonly diagram: DiagramJson;
  readonly svg: string;
  /** The documents of the program: an edit to any of them changes the picture. */
  readonly files: readonly string[];
}

/** Whether `a` comes before or at `b`. */
function notAfter(a: LspPosition, b: LspPosition): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

export function contains(range: LspRange, position: LspPosition): boolean {
  return notAfter(range.start, position) && notAfter(position, range.end);
}

/**
 * The innermost box written at the position of a document, or undefined. `sameDocument`
 * compares URIs, which the server and the editor may spell differently (`%3A`, say).
 */
export function boxAt(
  boxes: readonly DiagramBox[],
  uri: string,
  position: LspPosition,
  sameDocument: (a: string, b: string) => boolean = (a, b) => a === b,
): DiagramBox | undefined {
  for (const box of boxes) {
    if (sameDocument(box.source.uri, uri) && contains(box.source.range, position)) {
      return boxAt(box.children, uri, position, sameDocument) ?? box;
    }
  }
  return undefined;
}

/** The box with an id, at any depth. */
export function findBox(boxes: readonly DiagramBox[], id: string): DiagramBox | undefined {
  for (const box of boxes) {
    if (box.id === id) {
      return box;
    }
    const inside = findBox(box.children, id);
    if (inside) {
      return inside;
    }
  }
  return undefined;
}

/** What the webview says instead of the picture (nothing to draw) or above it (partial). */
export interface Notice {
  readonly kind: 'empty' | 'partial';
  readonly text: string;
}

export function notice(diagram: DiagramJson): Notice | undefined {
  if (diagram.boxes.length === 0) {
    return {
      kind: 'empty',
      text: diagram.partial
        ? 'Nothing to draw: the document has syntax errors, and nothing that parsed declares a host or cluster.'
        : 'Nothing to draw: this document declares no host or cluster.',
    };
  }
  return diagram.partial ? { kind: 'partial', text: 'Partial: the document has syntax errors, only what parsed is drawn.' } : undefined;
}

// Pan and zoom of the diagram's webview as plain numbers: the picture is drawn at
// `translate(x, y) scale(scale)` inside the viewport. A redraw replaces the SVG and keeps the
// view, so an edit neither moves nor resizes what the user was looking at.

export interface View {
  readonly x: number;
  readonly y: number;
  readonly scale: number;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

export const MIN_SCALE = 0.05;
export const MAX_SCALE = 8;
/** One step of the +/- buttons and keys. */
export const ZOOM_STEP = 1.25;
/** One step of the arrow keys, in screen pixels. */
export const PAN_STEP = 40;
/** Between the picture and the viewport's edges when fitted. */
export const FIT_MARGIN = 16;

const clampScale = (scale: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));

/** Zoomed by a factor, the point (px, py) of the viewport staying where it is (under the pointer, say). */
export function zoomAt(view: View, factor: number, px: number, py: number): View {
  const scale = clampScale(view.scale * factor);
  const k = scale / view.scale;
  return { scale, x: px - (px - view.x) * k, y: py - (py - view.y) * k };
}

export function panBy(view: View, dx: number, dy: number): View {
  return { ...view, x: view.x + dx, y: view.y + dy };
}

/**
 * The whole picture in the viewport, centred, but never enlarged past its own size: a small
 * design stays at its natural, legible size instead of being blown up.
 */
export function fit(content: Size, viewport: Size, margin = FIT_MARGIN): View {
  if (content.width <= 0 || content.height <= 0) {
    return { x: margin, y: margin, scale: 1 };
  }
  const room = { width: Math.max(1, viewport.width - 2 * margin), height: Math.max(1, viewport.height - 2 * margin) };
  const scale = clampScale(Math.min(1, room.width / content.width, room.height / content.height));
  return {
    scale,
    x: margin + Math.max(0, (room.width - content.width * scale) / 2),
    y: margin + Math.max(0, (room.height - content.height * scale) / 2),
  };
}

/**
 * The zoom factor for one wheel event: smooth for a trackpad's small deltas, one step for a
 * mouse's notch (deltaMode 1 counts lines, 2 pages), and never more than doubling at once.
 */
export function wheelFactor(deltaY: number, deltaMode = 0): number {
  const pixels = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY;
  return Math.min(2, Math.max(0.5, Math.exp(-pixels * 0.002)));
}

/** The CSS transform that draws the picture at the view (origin at the top left). */
export function cssTransform(view: View): string {
  return `translate(${round(view.x)}px, ${round(view.y)}px) scale(${round(view.scale, 4)})`;
}

function round(value: number, digits = 2): number {
  const k = 10 ** digits;
  return Math.round(value * k) / k;
}

/** A view restored from the webview's saved state, if it is one. */
export function asView(value: unknown): View | undefined {
  const v = value as Partial<View> | null | undefined;
  return v && Number.isFinite(v.x) && Number.isFinite(v.y) && Number.isFinite(v.scale) && v.scale! > 0
    ? { x: v.x!, y: v.y!, scale: clampScale(v.scale!) }
    : undefined;
}

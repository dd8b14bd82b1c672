// The diagram's webview: shows the SVG the server drew, pans and zooms it, reports clicks on
// boxes, highlights the box the editor's cursor is in, and shows the boxes' and badges'
// tooltips. Bundled into media/diagram.js; all the arithmetic is in view.ts, the messages
// in messages.ts.
import { FromWebview, revealFor, ToWebview } from './messages';
import { asView, cssTransform, fit, PAN_STEP, panBy, View, wheelFactor, ZOOM_STEP, zoomAt } from './view';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const viewport = element<HTMLDivElement>('viewport');
const canvas = element<HTMLDivElement>('canvas');
const banner = element<HTMLDivElement>('banner');
const message = element<HTMLDivElement>('message');
const tooltip = element<HTMLDivElement>('tooltip');
const zoomLabel = element<HTMLSpanElement>('zoom-level');
const busy = element<HTMLSpanElement>('busy');
/** Shows "Drawing..." only for a redraw that takes a while, so that quick ones do not flicker. */
const BUSY_DELAY_MS = 400;
let busyTimer: ReturnType<typeof setTimeout> | undefined;

function setBusy(on: boolean): void {
  clearTimeout(busyTimer);
  if (on) {
    busyTimer = setTimeout(() => { busy.hidden = false; }, BUSY_DELAY_MS);
  } else {
    busy.hidden = true;
  }
}

/** Kept across redraws and, through the webview's state, across the page being hidden and shown. */
let view: View | undefined = asView((vscode.getState() as { view?: unknown } | undefined)?.view);
let selected: string | undefined;
/** A drag in progress: where it started, and whether it has moved enough to be a pan and not a click. */
let drag: { pointer: number; x: number; y: number; view: View; moved: boolean } | undefined;

function apply(): void {
  if (!view) {
    return;
  }
  canvas.style.transform = cssTransform(view); // a CSSOM property, which the content security policy allows
  zoomLabel.textContent = `${Math.round(view.scale * 100)}%`;
  vscode.setState({ view });
}

function drawing(): SVGSVGElement | null {
  return canvas.querySelector('svg');
}

function fitView(): void {
  const svg = drawing();
  if (!svg) {
    return;
  }
  const size = { width: svg.viewBox.baseVal.width, height: svg.viewBox.baseVal.height };
  view = fit(size, { width: viewport.clientWidth, height: viewport.clientHeight });
  apply();
}

function zoomBy(factor: number, px = viewport.clientWidth / 2, py = viewport.clientHeight / 2): void {
  if (view) {
    view = zoomAt(view, factor, px, py);
    apply();
  }
}

function panView(dx: number, dy: number): void {
  if (view) {
    view = panBy(view, dx, dy);
    apply();
  }
}

function show(m: Extract<ToWebview, { type: 'diagram' }>): void {
  const parsed = new DOMParser().parseFromString(m.svg, 'image/svg+xml');
  if (parsed.querySelector('parsererror') || parsed.documentElement.nodeName !== 'svg') {
    showMessage('The diagram could not be shown: the server sent an SVG that does not parse.');
    return;
  }
  canvas.replaceChildren(document.importNode(parsed.documentElement, true));
  prepareBoxes();
  const empty = m.notice?.kind === 'empty';
  banner.textContent = m.notice?.kind === 'partial' ? m.notice.text : '';
  banner.hidden = m.notice?.kind !== 'partial';
  message.textContent = empty ? m.notice!.text : '';
  message.hidden = !empty;
  viewport.hidden = empty;
  if (!view || m.fresh) {
    fitView();
  } else {
    apply();
  }
  select(m.selected);
}

/**
 * Makes each box a button for the keyboard and screen readers, and moves the SVG's
 * {@code <title>} tooltips into the page's own tooltip: a native one would come on top of
 * it, and the page's follows the theme.
 */
function prepareBoxes(): void {
  for (const titled of canvas.querySelectorAll<SVGElement>('.topo-box, .topo-badge')) {
    const title = [...titled.children].find((child) => child.nodeName === 'title');
    if (title) {
      titled.dataset.tip = title.textContent ?? '';
      title.remove();
    }
  }
  for (const box of canvas.querySelectorAll<SVGGElement>('.topo-box')) {
    box.setAttribute('tabindex', '0');
    box.setAttribute('role', 'button');
    box.setAttribute('aria-label', box.dataset.tip ?? box.dataset.id ?? '');
  }
}

function select(id: string | undefined): void {
  selected = id;
  for (const box of canvas.querySelectorAll<SVGGElement>('.topo-box')) {
    box.classList.toggle('selected', box.dataset.id === selected);
  }
}

function showMessage(text: string): void {
  canvas.replaceChildren();
  banner.hidden = true;
  viewport.hidden = true;
  message.textContent = text;
  message.hidden = false;
}

function reveal(box: Element | null): void {
  const m = box ? revealFor((name) => box.getAttribute(name)) : undefined;
  if (m) {
    vscode.postMessage(m);
  }
}

function showTip(target: Element | null, clientX: number, clientY: number): void {
  const tipped = target?.closest<SVGElement>('.topo-badge, .topo-box');
  const text = tipped?.dataset.tip;
  if (!text || drag?.moved) {
    tooltip.hidden = true;
    return;
  }
  tooltip.textContent = text;
  tooltip.hidden = false;
  // Below right of the pointer, kept inside the page.
  const x = Math.min(clientX + 14, document.documentElement.clientWidth - tooltip.offsetWidth - 4);
  const y = clientY + 18 + tooltip.offsetHeight > document.documentElement.clientHeight
    ? clientY - tooltip.offsetHeight - 8 : clientY + 18;
  tooltip.style.left = `${Math.max(4, x)}px`;
  tooltip.style.top = `${Math.max(4, y)}px`;
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const m = event.data;
  switch (m?.type) {
    case 'diagram':
      setBusy(false);
      show(m);
      break;
    case 'select':
      select(m.id);
      break;
    case 'message':
      setBusy(false);
      showMessage(m.text);
      break;
    case 'busy':
      setBusy(true);
      break;
  }
});

viewport.addEventListener('wheel', (event) => {
  event.preventDefault();
  const rect = viewport.getBoundingClientRect();
  zoomBy(wheelFactor(event.deltaY, event.deltaMode), event.clientX - rect.left, event.clientY - rect.top);
}, { passive: false });

viewport.addEventListener('pointerdown', (event) => {
  if (event.button === 0 && view) {
    drag = { pointer: event.pointerId, x: event.clientX, y: event.clientY, view, moved: false };
  }
});
viewport.addEventListener('pointermove', (event) => {
  if (drag && event.pointerId === drag.pointer) {
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) > 4) {
      drag.moved = true;
      viewport.setPointerCapture(event.pointerId);
      viewport.classList.add('panning');
      tooltip.hidden = true;
    }
    if (drag.moved) {
      view = panBy(drag.view, dx, dy);
      apply();
    }
  } else {
    showTip(event.target as Element, event.clientX, event.clientY);
  }
});
const endDrag = (event: PointerEvent) => {
  if (drag && event.pointerId === drag.pointer) {
    if (!drag.moved && event.type === 'pointerup') {
      reveal((event.target as Element).closest('.topo-box'));
    }
    drag = undefined;
    viewport.classList.remove('panning');
  }
};
viewport.addEventListener('pointerup', endDrag);
viewport.addEventListener('pointercancel', endDrag);
viewport.addEventListener('pointerleave', () => { tooltip.hidden = true; });

viewport.addEventListener('keydown', (event) => {
  const box = (event.target as Element).closest('.topo-box');
  if (box && (event.key === 'Enter' || event.key === ' ')) {
    event.preventDefault();
    reveal(box);
    return;
  }
  const actions: Record<string, () => void> = {
    '+': () => zoomBy(ZOOM_STEP),
    '=': () => zoomBy(ZOOM_STEP),
    '-': () => zoomBy(1 / ZOOM_STEP),
    '0': fitView,
    ArrowLeft: () => panView(PAN_STEP, 0),
    ArrowRight: () => panView(-PAN_STEP, 0),
    ArrowUp: () => panView(0, PAN_STEP),
    ArrowDown: () => panView(0, -PAN_STEP),
  };
  const action = event.ctrlKey || event.metaKey || event.altKey ? undefined : actions[event.key];
  if (action) {
    event.preventDefault();
    action();
  }
});
viewport.addEventListener('focusin', (event) => {
  const box = (event.target as Element).closest('.topo-box');
  if (box) {
    const r = box.getBoundingClientRect();
    showTip(box, r.left, r.top);
  }
});
viewport.addEventListener('focusout', () => { tooltip.hidden = true; });

element('zoom-in').addEventListener('click', () => zoomBy(ZOOM_STEP));
element('zoom-out').addEventListener('click', () => zoomBy(1 / ZOOM_STEP));
element('fit').addEventListener('click', fitView);
element('export').addEventListener('click', () => vscode.postMessage({ type: 'export' }));

vscode.postMessage({ type: 'ready' });

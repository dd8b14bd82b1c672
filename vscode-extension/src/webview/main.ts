// The diagram's webview: shows the SVG the server drew, pans and zooms it, reports clicks on
// boxes, highlights the box the editor's cursor is in, and shows the boxes' and badges'
// tooltips. Bundled into media/diagram.js; all the arithmetic is in view.ts, the messages
// in messages.ts, the cutting of the SVG into parts in svgParts.ts.
import { FromWebview, revealFor, ToWebview } from './messages';
import { BoxPatch, isHeaderTag, partKey } from './svgParts';
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
/** The drawn SVG's top-level nodes by their key (see svgParts.ts), for a patch to replace. */
let parts = new Map<string, Element>();
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

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Markup that should be one `<svg>` element as that element, else undefined. Parsed by a
 * template's HTML parser: its content is inert (no script runs, nothing loads), and it
 * parses a large SVG about twice as fast as DOMParser's XML parser.
 */
function parseSvg(markup: string): SVGSVGElement | undefined {
  const template = document.createElement('template');
  template.innerHTML = markup;
  const svg = template.content.firstElementChild;
  return template.content.childElementCount === 1 && svg?.namespaceURI === SVG_NS && svg.localName === 'svg'
    ? svg as SVGSVGElement : undefined;
}

function keyedParts(svg: SVGSVGElement): Map<string, Element> {
  const seen = new Map<string, number>();
  const keyed = new Map<string, Element>();
  for (const child of svg.children) {
    if (!isHeaderTag(child.localName)) {
      keyed.set(partKey(child.localName, child.getAttribute('class'), child.getAttribute('data-id'), seen), child);
    }
  }
  return keyed;
}

function show(m: Extract<ToWebview, { type: 'diagram' }>): void {
  const svg = parseSvg(m.svg);
  if (!svg) {
    showMessage('The diagram could not be shown: the server sent an SVG that does not parse.');
    return;
  }
  prepareBoxes(svg);
  canvas.replaceChildren(svg);
  parts = keyedParts(svg);
  showNotice(m.notice);
  if (!view || m.fresh) {
    fitView();
  } else {
    apply();
  }
  select(m.selected);
}

/**
 * Turns the drawn picture into the next one by replacing, inserting, removing and reordering
 * its top-level nodes, replacing nested boxes and patching boxes' own elements in place (their
 * child boxes kept); only the changed markup is parsed and prepared. False, having changed
 * nothing, when the patch does not fit the picture (the page then asks for the whole).
 */
function patch(m: Extract<ToWebview, { type: 'patch' }>): boolean {
  const svg = drawing();
  const known = (key: string) => parts.has(key) || !!m.keys?.includes(key);
  if (!svg || !m.parts.every((part) => known(part.key)) || (m.keys && !m.keys.every((key) => parts.has(key) || m.parts.some((p) => p.key === key)))) {
    return false;
  }
  const boxes = m.boxes ?? [];
  const targets = boxes.map((b) => boxAt(b.path));
  const markup = [...m.parts.map((part) => part.text), ...boxes.map((b) => b.own ?? b.text ?? '')];
  if (markup.length > 0) {
    const parsed = parseSvg(`<svg xmlns="${SVG_NS}">${markup.join('')}</svg>`);
    const nodes = parsed ? [...parsed.children] : [];
    const fresh = nodes.slice(m.parts.length);
    const fits = (b: BoxPatch, i: number) => targets[i] !== undefined && fresh[i]?.getAttribute('data-id') === b.path.at(-1)
      && fresh[i].classList.contains('topo-box') && (b.own === undefined || fresh[i].querySelector('.topo-box') === null);
    if (!parsed || nodes.length !== markup.length || !boxes.every(fits)) {
      return false;
    }
    prepareBoxes(parsed);
    m.parts.forEach((part, i) => {
      parts.get(part.key)?.replaceWith(nodes[i]);
      parts.set(part.key, nodes[i]);
    });
    boxes.forEach((b, i) => {
      if (b.own !== undefined) {
        patchOwn(targets[i]!, fresh[i]);
      } else {
        targets[i]!.replaceWith(fresh[i]);
      }
    });
  }
  if (m.keys) {
    order(svg, m.keys);
  }
  if (m.size) {
    svg.setAttribute('viewBox', m.size.viewBox);
    svg.setAttribute('width', m.size.width);
    svg.setAttribute('height', m.size.height);
  }
  showNotice(m.notice);
  apply();
  select(m.selected);
  return true;
}

const isBox = (node: Node): node is Element => node instanceof Element && node.classList.contains('topo-box');

/** The drawn box at the end of a path of data-ids from a top-level box down its child boxes. */
function boxAt(path: readonly string[]): Element | undefined {
  let box = path.length > 0 ? parts.get(`#${path[0]}`) : undefined;
  for (const id of path.slice(1)) {
    box = box && [...box.children].find((child) => isBox(child) && child.getAttribute('data-id') === id);
  }
  return box && isBox(box) ? box : undefined;
}

/**
 * Gives a drawn box the attributes and own elements of `fresh` (a prepared box with no child
 * boxes), keeping its child boxes, and the node itself (its focus), as they are.
 */
function patchOwn(box: Element, fresh: Element): void {
  for (const name of box.getAttributeNames()) {
    if (!fresh.hasAttribute(name)) {
      box.removeAttribute(name);
    }
  }
  for (const name of fresh.getAttributeNames()) {
    const value = fresh.getAttribute(name)!;
    if (box.getAttribute(name) !== value) {
      box.setAttribute(name, value);
    }
  }
  // The own elements come before the child boxes (see svgParts.ts).
  while (box.firstChild && !isBox(box.firstChild)) {
    box.firstChild.remove();
  }
  box.prepend(...fresh.children);
}

/** The top-level nodes in the order of the keys, after the header's; those of no key removed. */
function order(svg: SVGSVGElement, keys: readonly string[]): void {
  const wanted = new Set(keys);
  for (const [key, node] of parts) {
    if (!wanted.has(key)) {
      node.remove();
      parts.delete(key);
    }
  }
  let previous = [...svg.children].filter((child) => isHeaderTag(child.localName)).at(-1);
  for (const key of keys) {
    const node = parts.get(key)!;
    if ((previous ? previous.nextElementSibling : svg.firstElementChild) !== node) {
      if (previous) {
        previous.after(node);
      } else {
        svg.prepend(node);
      }
    }
    previous = node;
  }
}

function showNotice(notice: Extract<ToWebview, { type: 'diagram' }>['notice']): void {
  const empty = notice?.kind === 'empty';
  banner.textContent = notice?.kind === 'partial' ? notice.text : '';
  banner.hidden = notice?.kind !== 'partial';
  message.textContent = empty ? notice.text : '';
  message.hidden = !empty;
  viewport.hidden = empty;
}

/**
 * Makes each box a button for the keyboard and screen readers, and moves the SVG's
 * {@code <title>} tooltips into the page's own tooltip: a native one would come on top of
 * it, and the page's follows the theme.
 */
function prepareBoxes(root: SVGSVGElement): void {
  for (const titled of root.querySelectorAll<SVGElement>('.topo-box, .topo-badge')) {
    const title = [...titled.children].find((child) => child.nodeName === 'title');
    if (title) {
      titled.dataset.tip = title.textContent ?? '';
      title.remove();
    }
  }
  for (const box of root.querySelectorAll<SVGGElement>('.topo-box')) {
    box.setAttribute('tabindex', '0');
    box.setAttribute('role', 'button');
    box.setAttribute('aria-label', box.dataset.tip ?? box.dataset.id ?? '');
  }
}

/** Highlights the box of that id alone; only the highlighted boxes are visited, not every box. */
function select(id: string | undefined): void {
  for (const box of canvas.querySelectorAll<SVGGElement>('.topo-box.selected')) {
    if (box.dataset.id !== id) {
      box.classList.remove('selected');
    }
  }
  if (id !== undefined) {
    canvas.querySelector(`.topo-box[data-id="${CSS.escape(id)}"]`)?.classList.add('selected');
  }
}

function showMessage(text: string): void {
  canvas.replaceChildren();
  parts = new Map();
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
    case 'patch':
      setBusy(false);
      if (!patch(m)) {
        vscode.postMessage({ type: 'ready' }); // the extension then sends the whole picture
      }
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

// The diagram webview's page. Everything it loads comes from the extension's media folder,
// under a content security policy that allows no inline style or script: the one script
// carries the page's nonce, the SVG arrives later as a message and colours come from
// media/diagram.css through classes.

export interface PageResources {
  /** The webview's `cspSource`: the origin its local resources are served from. */
  readonly cspSource: string;
  /** A fresh random value per page. */
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
}

export function contentSecurityPolicy(r: Pick<PageResources, 'cspSource' | 'nonce'>): string {
  return `default-src 'none'; img-src ${r.cspSource} data:; style-src ${r.cspSource}; script-src 'nonce-${r.nonce}';`;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function diagramHtml(r: PageResources): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escape(contentSecurityPolicy(r))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escape(r.styleUri)}">
<title>Topology diagram</title>
</head>
<body>
<div class="toolbar" role="toolbar" aria-label="Diagram">
  <button id="zoom-out" type="button" title="Zoom out (-)" aria-label="Zoom out">&#x2212;</button>
  <span id="zoom-level" class="zoom-level" aria-live="polite">100%</span>
  <button id="zoom-in" type="button" title="Zoom in (+)" aria-label="Zoom in">+</button>
  <button id="fit" type="button" title="Fit the whole diagram (0)">Fit</button>
  <button id="export" type="button" title="Save the diagram as an SVG file">Export SVG</button>
  <span id="busy" class="busy" role="status" hidden>Drawing&#x2026;</span>
  <span class="hint">Drag to pan, wheel to zoom, click a box to see its source.</span>
</div>
<div id="banner" class="banner" role="status" hidden></div>
<div id="viewport" class="viewport" tabindex="0" aria-label="Topology diagram: arrow keys pan, + and - zoom, 0 fits, Tab moves between boxes, Enter shows a box's source">
  <div id="canvas" class="canvas"></div>
</div>
<div id="message" class="message" role="status">Drawing the diagram&#x2026;</div>
<div id="tooltip" class="tooltip" role="tooltip" hidden></div>
<script nonce="${escape(r.nonce)}" src="${escape(r.scriptUri)}"></script>
</body>
</html>
`;
}

/**
 * What the end-to-end tests share: Debian's Chromium as the product is tested in it, the pane's tabs, and
 * axe-core over the pane.
 */
import * as fs from 'fs';
import * as path from 'path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const ROOT = path.join(__dirname, '..', '..');

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startPreviewServer } = require('../../scripts/preview-server.js') as {
  startPreviewServer(o: { port: number }): Promise<PreviewServer>;
};

export interface PreviewServer {
  url: string;
  close(): Promise<void>;
}

export interface Preview {
  server: PreviewServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * The built preview (dist/) served on a free port and a page of it in Chromium, kept to localhost: requests that
 * tried to leave are recorded in `left`, page errors and Content Security Policy refusals in `errors`.
 */
export async function openPreview(viewport: { width: number; height: number }, errors: string[], left: string[] = []): Promise<Preview> {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'preview.html'))) {
    throw new Error('dist/preview.html is missing: run "npm run test:e2e" (it builds first) or "npx webpack --mode production"');
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install -y chromium fonts-noto-cjk`);
  const server = await startPreviewServer({ port: 0 });
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  await keepToLocalhost(context, left);
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) errors.push(message.text());
  });
  return {
    server,
    browser,
    context,
    page,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Headless, and nothing of the browser's own reaching the network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Lets requests reach only localhost; any other address is refused and recorded in `left`. */
export async function keepToLocalhost(context: BrowserContext, left: string[] = []): Promise<void> {
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === 'localhost' || url.hostname === '127.0.0.1') return route.continue();
    left.push(url.href);
    return route.abort('blockedbyclient');
  });
}

/** Opens a pane tab, from the … list when it did not fit on the row. */
export async function openPaneTab(pane: Locator, name: string): Promise<void> {
  const tab = pane.getByRole('tab', { name, exact: true });
  if (await tab.isVisible()) await tab.click();
  else await pane.getByTestId('more-tabs').selectOption({ label: name });
  await pane.getByRole('tab', { name, exact: true, selected: true }).waitFor();
}

/** Every drawn cell of the preview grid's current sheet: address → [fill, font]. */
export function gridColours(page: Page): Promise<Record<string, [string, string]>> {
  return page.$$eval('[data-testid="grid"] td[data-cell]', (cells) =>
    Object.fromEntries(cells.map((c) => [c.getAttribute('data-cell')!, [c.getAttribute('data-fill') ?? '', c.getAttribute('data-font') ?? '']])),
  );
}

/** The pane's box and whether `target` lies inside it with the pane scrolled to the top (the page's own geometry). */
export async function insidePane(pane: Locator, target: Locator): Promise<{ inside: boolean; box: unknown; pane: unknown }> {
  await pane.evaluate((el) => (el.scrollTop = 0));
  const paneBox = (await pane.boundingBox())!;
  const box = (await target.boundingBox())!;
  const inside =
    box.x >= paneBox.x - 0.5 &&
    box.y >= paneBox.y - 0.5 &&
    box.x + box.width <= paneBox.x + paneBox.width + 0.5 &&
    box.y + box.height <= paneBox.y + paneBox.height + 0.5;
  return { inside, box, pane: paneBox };
}

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
/** WCAG 2.0–2.2 A and AA: what the product promises (best-practice rules are not part of it). */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/**
 * Rules a Fluent UI internal trips, with the reason. An entry needs the rule id, the Fluent part and why it is
 * not the pane's to fix; none is skipped whole.
 */
const FLUENT_INTERNAL_RULES: Record<string, string> = {};
/**
 * Elements Fluent's focus manager (Tabster) inserts and owns, skipped node by node: `<i tabindex="0"
 * aria-hidden="true" data-tabster-dummy>` guards at the edges of the tab list and other movers catch Tab and
 * hand focus on; they are focusable by design and hidden from screen readers, which aria-hidden-focus flags.
 * Nothing the pane renders is skipped.
 */
const FLUENT_INTERNAL_NODES = '[data-tabster-dummy]';

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core over the pane (evaluated, not injected as a script tag, so the page's CSP stays as it is). */
export async function paneAxeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async ({ tags, skipped }) => {
    const axe = (window as unknown as { axe: { run(context: Element, options: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document.querySelector('[data-testid="pane"]')!, { runOnly: { type: 'tag', values: tags } });
    const owned = (target: string[]) => !document.querySelector(target.join(' '))?.matches(skipped);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.filter((n) => owned(n.target)).map((n) => n.target.join(' ')),
    }));
  }, { tags: AXE_TAGS, skipped: FLUENT_INTERNAL_NODES });
  return violations.filter((v) => v.nodes.length > 0 && !(v.id in FLUENT_INTERNAL_RULES));
}

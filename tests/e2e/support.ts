/** What the end-to-end tests share: Debian's Chromium as the product is tested in it, and the pane's tabs. */
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

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

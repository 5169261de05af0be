// The HTML review report: what it holds (escaped, masked, self-contained), and how it renders in a real headless
// browser (Debian's chromium, installed by .ci/run). Screenshots and the rendered files are written to
// test-output/html-report/ for a person to look at.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext } from 'playwright-core';
import { inventory } from '../../src/engine/inventory.js';
import { scan } from '../../src/engine/scan.js';
import { formatHtml, html } from '../../src/reporters/html.js';

const OUT = resolve('test-output/html-report');
const CHROMIUM = '/usr/bin/chromium';
/** Launch flags that work in CI containers (no sandbox as root, no GPU, nothing fetched in the background). */
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const TOKEN = 'ghp_Xk3J9mQ2vR7tY5wL8nB4cD6fH1pZ0aS2eU4i';

async function report(dir: string): Promise<string> {
  const root = resolve(dir);
  const [{ inventory: inv }, result] = await Promise.all([inventory({ root, paths: [root] }), scan({ root, paths: [root], configPath: false })]);
  return formatHtml(inv, result);
}

describe('the HTML report as text', () => {
  it('escapes scanned names and masks provider secrets in them', async () => {
    const page = await report('fixtures/posture/html-injection');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('&lt;/td&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(page).not.toContain('<img');
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toContain(TOKEN);
    expect(page).toContain('ghp_…(40 chars)');
    expect(html(`<b title="x">${TOKEN}</b>`)).toBe('&lt;b title=&quot;x&quot;&gt;ghp_…(40 chars)&lt;/b&gt;');
  });

  it('is one self-contained file: no external stylesheet, script, image or font, and a CSP that forbids loading any', async () => {
    const page = await report('examples/vulnerable-server');
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(page).not.toMatch(/<(script|link|img|iframe|object|embed)\b/i);
    expect(page).not.toMatch(/\bsrc=|@import|url\(/i);
  });
});

const haveBrowser = existsSync(CHROMIUM);

describe('the HTML report in a headless browser', () => {
  let context: BrowserContext;
  let profile: string;

  it('has a browser to run in (CI installs Debian chromium)', () => {
    // Outside CI a machine without chromium skips the browser checks below; in CI a missing browser is a failure.
    if (process.env.CI) expect(haveBrowser).toBe(true);
  });

  beforeAll(async () => {
    if (!haveBrowser) return;
    mkdirSync(OUT, { recursive: true });
    profile = mkdtempSync(join(tmpdir(), 'mcp-audit-chromium-'));
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1280, height: 900 } });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  /** Renders a report in a fresh page; returns the page and every URL the page requested. */
  async function open(name: string, dir: string) {
    const file = join(OUT, `${name}.html`);
    writeFileSync(file, await report(dir));
    const page = await context.newPage();
    const requests: string[] = [];
    const dialogs: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
    return { page, requests, dialogs, url: pathToFileURL(file).href };
  }

  it.skipIf(!haveBrowser)('the sample server: servers, transport and bind, auth pattern, tools with risk and identity, findings', async () => {
    const { page, requests, url } = await open('vulnerable-server', 'examples/vulnerable-server');
    expect(requests).toEqual([url]);
    expect(await page.title()).toContain('mcp-audit review');
    const overview = page.locator('table.servers tbody tr');
    expect(await overview.count()).toBe(1);
    expect(await overview.first().innerText()).toMatch(/^vulnerable-server\tstreamable-http\t0\.0\.0\.0:3000 \(all\)\tunauthenticated\tnone\t0\/3 mutating tools record the caller \(no authenticated callers to record\)\t3\t12/);
    const section = page.locator('section.server').first();
    expect(await section.locator('dl.facts').innerText()).toContain('auth pattern\nunauthenticated');
    const tools = section.locator('table.tools tbody tr');
    expect(await tools.count()).toBe(3);
    expect(await tools.nth(0).innerText()).toBe('run_command\ttool\tmutating\tno\tno\texec src/server.ts:18\tsrc/server.ts:14');
    const findings = section.locator('table.findings tbody tr');
    expect(await findings.count()).toBe(12);
    // most severe first
    expect(await findings.first().locator('td').first().innerText()).toBe('critical');
    expect(await page.locator('body').innerText()).not.toContain('ghp_' + TOKEN.slice(4, 12));
  });

  it.skipIf(!haveBrowser)('an authenticated server: credentials, audit trail per tool, the posture findings', async () => {
    const { page, requests, url } = await open('posture-sample', 'eval/projects/support-keys-fastmcp');
    expect(requests).toEqual([url]);
    const facts = await page.locator('section.server dl.facts').innerText();
    expect(facts).toContain('credentials\nstatic-key-list');
    expect(facts).toContain('x-api-key header looked up in process.env.SUPPORT_MCP_KEYS src/index.ts:14');
    expect(facts).toContain('audit trail\n1/2 mutating tools record the caller');
    const rows = await page.locator('section.server table.tools tbody tr').allInnerTexts();
    expect(rows.map((r) => r.split('\t').slice(0, 5))).toEqual([
      ['get_case', 'tool', 'read-only', 'no', '-'],
      ['add_note', 'tool', 'mutating', 'yes', 'src/index.ts:37'],
      ['close_case', 'tool', 'mutating', 'no', 'no'],
    ]);
    const rules = await page.locator('section.server table.findings tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-rule')));
    expect(rules).toEqual(expect.arrayContaining(['require-audit-trail', 'no-shared-static-token', 'require-tool-authorization']));
  });

  it.skipIf(!haveBrowser)('scanned names render as text: no element, no script, no dialog', async () => {
    const { page, requests, dialogs, url } = await open('html-injection', 'fixtures/posture/html-injection');
    expect(requests).toEqual([url]);
    expect(dialogs).toEqual([]);
    expect(await page.locator('img, script').count()).toBe(0);
    const names = await page.locator('section.server table.tools tbody tr td:first-child').allInnerTexts();
    expect(names).toEqual(['<img src=x onerror=alert(1)>', '</td><script>alert("x")</script>', 'ghp_…(40 chars)']);
  });
});

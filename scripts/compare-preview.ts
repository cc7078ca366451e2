/**
 * How close `release-post render` of a post is to the page the site publishes: screenshots both pages in Chromium
 * at the same viewport, offline (every request that leaves the machine is refused, as the preview makes none), and
 * counts the pixels that differ. Used for docs/preview-fidelity.md.
 *
 *   npx tsx scripts/compare-preview.ts --name NAME --site PAGE --preview RENDERED.html
 *       [--serve DIR] [--width 1280] [--height 900] [--out DIR] [--images DIR]
 *
 * PAGE is a file, or with --serve a path served from DIR (a built site: its `/css/...` links need a server).
 * Writes NAME-site.png, NAME-preview.png (full pages) and NAME-diff.png (differing pixels in red) to --out (a
 * temporary folder by default); with --images, also the first viewport of each, half size, for the docs. A pixel
 * differs when its red, green and blue differ by more than 48 in sum (anti-aliasing noise stays below that).
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

function option(name: string, fallback?: string): string {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? process.argv[at + 1] : fallback;
  if (value === undefined) throw new Error(`--${name} is required`);
  return value;
}

/** A static server for a built site, on a free local port. */
function serve(dir: string): Promise<{ origin: string; close: () => void }> {
  const server = http.createServer((req, res) => {
    let rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(dir, path.normalize(rel));
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(fs.readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ origin: `http://127.0.0.1:${port}`, close: () => server.close() });
    }),
  );
}

/** Opens a page with no request leaving the machine; returns the hosts that were refused. */
async function openOffline(page: Page, url: string, localOrigin?: string): Promise<string[]> {
  const refused = new Set<string>();
  await page.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.protocol === 'file:' || u.protocol === 'data:' || (localOrigin && u.origin === localOrigin)) return route.continue();
    refused.add(u.host);
    return route.abort();
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(500);
  return [...refused].sort();
}

interface Diff {
  width: number;
  height: number;
  differing: number;
  /** Differing pixels in the first viewport only. */
  firstViewport: number;
  diffPng: Buffer;
}

/** Compares two PNGs over their common area, in a blank page's canvas (no image library needed). */
async function diffPngs(browser: Browser, a: Buffer, b: Buffer, viewportHeight: number): Promise<Diff> {
  const page = await browser.newPage();
  const result = (await page.evaluate(
    `(async () => {
      const load = (src) => new Promise((ok, fail) => { const i = new Image(); i.onload = () => ok(i); i.onerror = fail; i.src = src; });
      const [a, b] = await Promise.all([load(${JSON.stringify('data:image/png;base64,' + a.toString('base64'))}), load(${JSON.stringify('data:image/png;base64,' + b.toString('base64'))})]);
      const w = Math.min(a.width, b.width), h = Math.min(a.height, b.height);
      const pixels = (img) => { const c = document.createElement('canvas'); c.width = w; c.height = h; const x = c.getContext('2d'); x.drawImage(img, 0, 0); return x.getImageData(0, 0, w, h).data; };
      const pa = pixels(a), pb = pixels(b);
      const out = document.createElement('canvas'); out.width = w; out.height = h;
      const ctx = out.getContext('2d'); const img = ctx.createImageData(w, h);
      let differing = 0, first = 0;
      for (let i = 0; i < pa.length; i += 4) {
        const d = Math.abs(pa[i] - pb[i]) + Math.abs(pa[i + 1] - pb[i + 1]) + Math.abs(pa[i + 2] - pb[i + 2]);
        if (d > 48) {
          differing++;
          if (i / 4 / w < ${viewportHeight}) first++;
          img.data[i] = 255; img.data[i + 1] = 0; img.data[i + 2] = 0; img.data[i + 3] = 255;
        } else {
          const g = 255 - Math.round((255 - (pa[i] + pa[i + 1] + pa[i + 2]) / 3) * 0.25);
          img.data[i] = g; img.data[i + 1] = g; img.data[i + 2] = g; img.data[i + 3] = 255;
        }
      }
      ctx.putImageData(img, 0, 0);
      return { width: w, height: h, differing, firstViewport: first, png: out.toDataURL('image/png') };
    })()`,
  )) as { width: number; height: number; differing: number; firstViewport: number; png: string };
  await page.close();
  return { ...result, diffPng: Buffer.from(result.png.split(',')[1], 'base64') };
}

/** The first viewport of a screenshot at half size, for the docs. */
async function docImage(browser: Browser, png: Buffer, width: number, height: number): Promise<Buffer> {
  const page = await browser.newPage();
  const data = (await page.evaluate(
    `(async () => {
      const i = new Image(); i.src = ${JSON.stringify('data:image/png;base64,' + png.toString('base64'))}; await i.decode();
      const c = document.createElement('canvas'); c.width = ${Math.round(width / 2)}; c.height = ${Math.round(height / 2)};
      const x = c.getContext('2d'); x.imageSmoothingQuality = 'high';
      x.drawImage(i, 0, 0, ${width}, ${height}, 0, 0, c.width, c.height);
      return c.toDataURL('image/png');
    })()`,
  )) as string;
  await page.close();
  return Buffer.from(data.split(',')[1], 'base64');
}

async function main(): Promise<void> {
  const name = option('name');
  const width = Number(option('width', '1280'));
  const height = Number(option('height', '900'));
  const out = option('out', fs.mkdtempSync(path.join(os.tmpdir(), 'rp-compare-')));
  const images = process.argv.includes('--images') ? option('images') : undefined;
  const servedDir = process.argv.includes('--serve') ? path.resolve(option('serve')) : undefined;
  const server = servedDir ? await serve(servedDir) : undefined;
  const sitePage = option('site');
  const siteUrl = server ? server.origin + sitePage : `file://${path.resolve(sitePage)}`;
  const previewUrl = `file://${path.resolve(option('preview'))}`;

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  try {
    const shots: Buffer[] = [];
    for (const [label, url] of [
      ['site', siteUrl],
      ['preview', previewUrl],
    ] as const) {
      const page = await browser.newPage({ viewport: { width, height } });
      const refused = await openOffline(page, url, server?.origin);
      const size = (await page.evaluate('[document.documentElement.scrollWidth, document.documentElement.scrollHeight]')) as number[];
      const shot = await page.screenshot({ fullPage: true });
      await page.close();
      fs.writeFileSync(path.join(out, `${name}-${label}.png`), shot);
      if (images) fs.writeFileSync(path.join(images, `fidelity-${name}-${label}.png`), await docImage(browser, shot, width, height));
      console.log(`${label}: ${url}\n  page ${size[0]} x ${size[1]} px; requests refused (offline): ${refused.join(', ') || 'none'}`);
      shots.push(shot);
    }
    const diff = await diffPngs(browser, shots[0], shots[1], height);
    fs.writeFileSync(path.join(out, `${name}-diff.png`), diff.diffPng);
    const pct = (n: number, of: number) => ((100 * n) / of).toFixed(1);
    console.log(
      `differing pixels over the common ${diff.width} x ${diff.height} px: ${diff.differing} (${pct(diff.differing, diff.width * diff.height)} %); ` +
        `in the first ${width} x ${height} viewport: ${diff.firstViewport} (${pct(diff.firstViewport, width * Math.min(height, diff.height))} %)`,
    );
    console.log(`screenshots and diff in ${out}`);
  } finally {
    await browser.close();
    server?.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});

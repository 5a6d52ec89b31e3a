// What a reader of the supplement sees: opens rendered notebook pages (nbconvert HTML, as ./reproduce
// writes them) in headless Chromium, waits for MathJax to typeset, and checks each page: at least one
// HTML table in the outputs, at least one figure, typeset equations and no TeX left as raw text in
// the prose; saves a full-page screenshot of each.
// Usage: node rendered-pages.mjs SCREENSHOT_DIR PAGE.html...
// Rules: every page needs a table and a figure; pages NN-* with NN >= 01 (the analyses) need at least
// one typeset formula. Exit 1 when a page breaks a rule (all pages are checked and reported first).
import puppeteer from 'puppeteer-core';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [shots, ...pages] = process.argv.slice(2);
if (!shots || pages.length === 0) {
  console.error('usage: node rendered-pages.mjs SCREENSHOT_DIR PAGE.html...');
  process.exit(2);
}
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
         '--allow-file-access-from-files'],
});
const problems = [];
try {
  for (const file of pages) {
    const stem = path.basename(file, '.html');
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 1400 });
    await page.goto(pathToFileURL(path.resolve(file)).href, { waitUntil: 'load', timeout: 120000 });
    // MathJax 2 (the Debian nbconvert points at /usr/share/javascript/mathjax): wait until its queue ran
    const mathjax = await page.evaluate(() => new Promise(resolve => {
      if (!(window.MathJax && MathJax.Hub)) return resolve('absent');
      const t = setTimeout(() => resolve('timeout'), 60000);
      MathJax.Hub.Queue(() => { clearTimeout(t); resolve('done'); });
    }));
    const found = await page.evaluate(() => {
      const prose = Array.from(document.querySelectorAll('.jp-MarkdownOutput, .text_cell_render'))
          .map(e => e.innerText).join('\n');
      const raw = prose.match(/\\(frac|sqrt|mathrm|Delta|theta|cdot|left|right|text)\b|\$\$/g) || [];
      return {
        tables: document.querySelectorAll('.jp-OutputArea-output table, .output_html table').length,
        images: document.querySelectorAll('.jp-OutputArea-output img, .output_area img').length,
        math: document.querySelectorAll('.MathJax_CHTML, .MathJax, .MathJax_Display, mjx-container').length,
        raw: raw.slice(0, 5),
      };
    });
    const shot = path.join(shots, stem + '.png');
    await page.screenshot({ path: shot, fullPage: true });
    await page.close();
    const wrong = [];
    if (found.tables < 1) wrong.push('no HTML table in the outputs');
    if (found.images < 1) wrong.push('no figure');
    if (/^(0[1-9]|[1-9]\d)-/.test(stem) && found.math < 1) wrong.push(`no typeset equation (MathJax ${mathjax})`);
    if (found.raw.length > 0) wrong.push('TeX shown as raw text: ' + found.raw.join(' '));
    console.log(`rendered-pages: ${stem}: ${found.tables} tables, ${found.images} figures, ${found.math} typeset`
        + ` formulas (MathJax ${mathjax}); screenshot ${shot}` + (wrong.length ? ' -- ' + wrong.join('; ') : ''));
    if (wrong.length) problems.push(`${stem}: ${wrong.join('; ')}`);
  }
} finally {
  await browser.close();
}
if (problems.length) {
  console.error('rendered-pages: FAILED:\n  ' + problems.join('\n  '));
  process.exit(1);
}

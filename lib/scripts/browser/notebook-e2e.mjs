// End-to-end test of the Jupyter notebook server in headless Chromium (driven by puppeteer-core):
// open a notebook, run all cells, wait for the kernel to finish, assert that an HTML table and an
// inline image appeared and that no cell shows an error, save a screenshot.
// Usage: node notebook-e2e.mjs URL SCREENSHOT.png [TIMEOUT_S]
// (URL = http://127.0.0.1:PORT/notebooks/NAME.ipynb?token=TOKEN; classic Notebook 6 UI)
import puppeteer from 'puppeteer-core';

const [url, shot, timeoutArg] = process.argv.slice(2);
if (!url || !shot) {
  console.error('usage: node notebook-e2e.mjs URL SCREENSHOT.png [TIMEOUT_S]');
  process.exit(2);
}
const timeoutMs = 1000 * Number(timeoutArg || 300);
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
let failed = null;
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 1600 });
  await page.goto(url, { waitUntil: 'networkidle2', timeout: 60000 });
  // the notebook app and its kernel are ready
  await page.waitForFunction(() => window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel
      && Jupyter.notebook.kernel.is_connected()
      && document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null,
      { timeout: 120000, polling: 500 });
  const kernel = await page.evaluate(() => Jupyter.notebook.kernel.name);
  await page.evaluate(() => Jupyter.notebook.execute_all_cells());
  // done when every code cell has an execution count and the kernel is idle
  await page.waitForFunction(() => {
    const cells = Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code');
    return cells.every(c => typeof c.input_prompt_number === 'number')
        && document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null;
  }, { timeout: timeoutMs, polling: 1000 });
  const found = await page.evaluate(() => ({
    tables: document.querySelectorAll('.output_html table').length,
    images: document.querySelectorAll('.output_png img, .output_area img').length,
    errors: document.querySelectorAll('.output_error').length,
    cells: Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code').length,
    math: document.querySelectorAll('.MathJax, .MathJax_Display, mjx-container').length,
  }));
  await page.screenshot({ path: shot, fullPage: true });
  console.log(`notebook-e2e: kernel ${kernel}, ${found.cells} code cells run, ${found.tables} HTML tables, `
      + `${found.images} images, ${found.errors} error outputs, ${found.math} typeset formulas; screenshot ${shot}`);
  if (found.tables < 1) failed = 'no HTML table in the outputs';
  else if (found.images < 1) failed = 'no inline image in the outputs';
  else if (found.errors > 0) failed = `${found.errors} cells show an error`;
  // leave the server's copy unsaved and stop the kernel
  await page.evaluate(() => Jupyter.notebook.session.delete());
} catch (e) {
  failed = String(e && e.message ? e.message : e);
} finally {
  await browser.close();
}
if (failed) {
  console.error('notebook-e2e: FAILED: ' + failed);
  process.exit(1);
}

import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
for (const js of [true, false]) {
  const ctx = await browser.newContext({ javaScriptEnabled: js, baseURL: 'http://127.0.0.1:4555', locale: 'en-GB' });
  const page = await ctx.newPage();
  for (const p of ['/', '/sign-in', '/sign-up', '/forgot-password']) {
    const r = await page.goto(p);
    const t0 = Date.now();
    try {
      const res = await new AxeBuilder({ page }).withTags(['wcag2a','wcag2aa','wcag21a','wcag21aa']).analyze();
      console.log(js, p, r.status(), Date.now()-t0, 'ms', res.violations.map(v => v.id + ':' + v.nodes.map(n=>n.target.join(' ')).join('|')));
    } catch (e) { console.log(js, p, 'ERR', e.message.slice(0,300)); }
  }
  await ctx.close();
}
await browser.close();

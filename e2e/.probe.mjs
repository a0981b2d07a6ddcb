import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const ctx = await browser.newContext({ javaScriptEnabled: false, baseURL: 'http://127.0.0.1:4555' });
const page = await ctx.newPage();
const to = (p, ms=2000) => Promise.race([p, new Promise((_, rej) => setTimeout(() => rej(new Error('timeout')), ms))]);
const timerWorks = () => to(page.evaluate(() => new Promise(r => setTimeout(() => r(true), 10)))).catch(() => false);
await page.goto('/sign-in');
const cdp = await ctx.newCDPSession(page);
for (const p of ['/sign-in', '/sign-up']) {
await page.goto(p);
await cdp.send('Emulation.setScriptExecutionDisabled', { value: false });
const t0 = Date.now();
try {
const res = await to(new AxeBuilder({ page }).setLegacyMode(true).withTags(['wcag2a','wcag2aa']).analyze(), 20000);
console.log('axe ok', Date.now()-t0, res.violations.map(v=>v.id));
} catch (e) { console.log('axe', e.message); }
await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
console.log('after', await timerWorks());
}
await browser.close();

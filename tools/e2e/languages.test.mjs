// The webapps speak Chinese to a browser that prefers Chinese and English to any other
// (docs/languages.md), in a real browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { base, login, shot, useBrowser } from './support.mjs';

useBrowser();

const chinese = { locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };
const viewport = { width: 1400, height: 900 };

/** Waits for a text shown on the page (the webapps keep hidden copies of some of theirs). */
async function visible(page, text, options = {}) {
  await page.getByText(text, options).filter({ visible: true }).first().waitFor();
}

test('Tasklist in Chinese: login, a task and its actions, dates and times', async () => {
  const { page, serverErrors } = await login('tasklist', 'service', 'demo', viewport, chinese);
  assert.equal(await page.evaluate(() => navigator.languages[0]), 'zh-CN');
  await visible(page, '启动流程');
  await page.getByText('客服 — 待认领').click();
  await page.getByText('受理客户').first().click();
  await page.getByRole('button', { name: /^\s*认领\s*$/ }).waitFor();
  for (const tab of ['表单', '历史', '流程图', '描述']) {
    await visible(page, tab, { exact: true });
  }
  assert.equal(await page.getByText('Start process', { exact: true }).count(), 0, 'English left on the page');
  assert.equal(await page.getByRole('button', { name: /^\s*Claim\s*$/ }).count(), 0, 'English Claim button');
  await shot(page, 'zh-tasklist-task');

  // A browser's first visit with English arriving after Chinese (the webapps load both): the
  // dates and times still come from our zh.json (app/dates-follow-language.js).
  await page.context().clearCookies();
  await page.evaluate(() => localStorage.clear());
  await page.route(/\/locales\/en\.json/, async (route) => {
    await new Promise((resolve) => { setTimeout(resolve, 2000); });
    await route.continue();
  });
  await page.reload();
  const logIn = page.getByRole('button', { name: '登录' });
  await logIn.waitFor();
  await page.fill('input[ng-model="username"]', 'service');
  await page.fill('input[type="password"]', 'demo');
  await logIn.click();
  // how long ago, in Chinese: "几秒前" for a task opened moments ago by an earlier test, else "3 分钟前"
  await visible(page, /(几秒|\d+ (分钟|小时|天))前/);
  assert.match(await page.locator('.creation-date').first().textContent(), /创建时间\s+(几秒|\d+ (分钟|小时|天))前/);
  assert.match(await page.locator('[am-time-ago="task.created"]').first().getAttribute('uib-tooltip'),
    /^\d{4}年\d{1,2}月\d{1,2}日星期[一二三四五六日] \d{2}:\d{2}$/);
  assert.equal(await page.evaluate(() => window.angular.element(document.body).injector().get('moment').locale()), 'zh');
  await shot(page, 'zh-tasklist-list');
  assert.deepEqual(serverErrors, []);
  await page.close();
});

test('the Tasklist login page is Chinese before anyone logs in', async () => {
  const { page } = await login('tasklist', 'nobody', 'wrong', viewport, chinese);
  await page.getByText('凭据错误、用户已被锁定，或缺少访问该应用的权限').first().waitFor();
  await page.getByRole('button', { name: '登录' }).waitFor();
  await shot(page, 'zh-tasklist-login-failed');
  await page.close();
});

test('Cockpit in Chinese for an auditor', async () => {
  const { page, serverErrors } = await login('cockpit', 'auditor', 'demo', viewport, chinese);
  await page.getByText('运行中的流程实例').first().waitFor();
  await page.getByText('未解决的异常').first().waitFor();
  await page.goto(`${base}/camunda/app/cockpit/default/#/processes`);
  await page.getByText('个流程定义已部署').first().waitFor();
  await page.goto(`${base}/camunda/app/cockpit/default/#/decisions`);
  await page.getByText(/已部署 \d+ 个决策定义/).first().waitFor();
  await page.goto(`${base}/camunda/app/cockpit/default/#/repository`);
  await page.getByText('部署时间').first().waitFor();
  await page.getByText('日期和时间按本地时区显示').waitFor();
  await shot(page, 'zh-cockpit-deployments');
  assert.deepEqual(serverErrors, []);
  await page.close();
});

test('Admin and Welcome in Chinese', async () => {
  const { page, serverErrors } = await login('admin', 'admin', 'demo', viewport, chinese);
  await page.goto(`${base}/camunda/app/admin/default/#/groups`);
  await page.getByText('组列表').first().waitFor();
  await page.getByText('新建组').first().waitFor();
  await page.getByText('customer-service').first().waitFor();
  await shot(page, 'zh-admin-groups');
  await page.goto(`${base}/camunda/app/welcome/default/`);
  await page.getByText('任务列表').first().waitFor();
  await page.getByText('驾驶舱').first().waitFor();
  await shot(page, 'zh-welcome');
  assert.deepEqual(serverErrors, []);
  await page.close();
});

test('a browser that prefers English, or a language not offered (German), gets English', async () => {
  const { page, serverErrors } = await login('tasklist', 'service', 'demo', viewport, { locale: 'en-US' });
  await page.getByText('Start process').first().waitFor();
  assert.equal(await page.getByText('启动流程').count(), 0, 'Chinese shown to an English browser');
  await page.close();
  const other = await login('cockpit', 'auditor', 'demo', viewport, { locale: 'de-DE' });
  await other.page.getByText('Running Process Instances').first().waitFor();
  await other.page.close();
  assert.deepEqual([...serverErrors, ...other.serverErrors], []);
});

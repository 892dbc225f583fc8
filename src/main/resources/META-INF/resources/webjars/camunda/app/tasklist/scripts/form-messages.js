// The messages with which a Camunda Form in Tasklist refuses a value before it is sent ("Field is
// required.", "Field must have maximum length of 200."), in Chinese for a page in Chinese.
// form-js (inside Tasklist's bundle) writes them in English only; this script rewrites each one as
// it appears under a field (.fjs-form-field-error). The server's own refusals already come in the
// reader's language (LocalisedResponses). The language is the webapps': the browser's first.
// Plain ES module, loaded as a custom script by scripts/config.js; exports no plugin.

const CHINESE = [
  [/^Field is required\.$/, () => '此项为必填项。'],
  [/^Field must have minimum value of (.+)\.$/, (n) => `不能小于 ${n}。`],
  [/^Field must have maximum value of (.+)\.$/, (n) => `不能大于 ${n}。`],
  [/^Field must have minimum length of (.+)\.$/, (n) => `至少 ${n} 个字符。`],
  [/^Field must have maximum length of (.+)\.$/, (n) => `最多 ${n} 个字符。`],
  [/^Field must match pattern (.+)\.$/s, (pattern) => `格式不正确（应符合 ${pattern}）。`],
  [/^Field must be a valid email\.$/, () => '请输入有效的电子邮箱地址。'],
  [/^Field must be a valid\s+international phone number\. \(e\.g\. (.+)\)$/, (example) => `请输入有效的国际电话号码（例如 ${example}）。`],
];

function pageLanguage() {
  const first = (navigator.languages && navigator.languages[0]) || navigator.language || '';
  return first.split('-')[0].toLowerCase();
}

/** The message in Chinese, or null when it is not one of form-js's. */
function chinese(message) {
  const text = message.trim();
  for (const [pattern, say] of CHINESE) {
    const match = pattern.exec(text);
    if (match) return say(...match.slice(1));
  }
  return null;
}

function translate(root) {
  const items = root.querySelectorAll ? root.querySelectorAll('.fjs-form-field-error li') : [];
  for (const item of items) {
    const said = chinese(item.textContent);
    if (said && item.textContent !== said) item.textContent = said;
  }
}

if (pageLanguage() === 'zh' && typeof MutationObserver !== 'undefined') {
  const start = () => {
    translate(document.body);
    new MutationObserver((changes) => {
      for (const change of changes) {
        const node = change.target.nodeType === Node.TEXT_NODE ? change.target.parentNode : change.target;
        const error = node && node.closest ? node.closest('.fjs-form-field-error') : null;
        translate(error || node);
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  };
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start);
}

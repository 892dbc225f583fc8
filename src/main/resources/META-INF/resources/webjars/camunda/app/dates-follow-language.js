// Dates and times ("3 分钟前", "2026年3月5日 14:30") in the language of the page, in every webapp
// (a custom script of each app's config.js; see docs/languages.md).
//
// A webapp loads two locale files, the browser's language (zh.json) and the English fallback
// (en.json), and each, as it arrives, makes its date language moment's global one: the last to
// arrive wins. When en.json came second, a Chinese page showed English dates and times until the
// next reload. So the other language's file is handed to the webapp only after en.json has been:
// the page's own language always comes last. (From the browser's cache the webapps read them in
// that order already.) Plain ES module, runs before the webapp starts; exports no plugin.
//
// It also brings service-zone.js, which keeps dates and times in the service time zone: every app
// loads this script, so none needs a second entry in its config.js.

import './service-zone.js';

const FALLBACK = 'en';
const LOCALE_FILE = /\/locales\/([\w-]+)\.json(\?|$)/;
const WAIT_AT_MOST_MS = 10_000;

let fallbackRequested = false;
let fallbackDone;
const fallbackHandled = new Promise((resolve) => { fallbackDone = resolve; });

function language(config) {
  return LOCALE_FILE.exec(config?.url ?? '')?.[1];
}

window.angular.module('ng').config(['$httpProvider', ($httpProvider) => {
  $httpProvider.interceptors.push(['$q', ($q) => {
    const passed = (config) => {
      if (language(config) === FALLBACK) {
        setTimeout(fallbackDone); // after the webapp has taken en.json's dates
      }
    };
    return {
      request(config) {
        if (language(config) === FALLBACK) fallbackRequested = true;
        return config;
      },
      response(response) {
        const lang = language(response.config);
        if (lang === FALLBACK) passed(response.config);
        if (!lang || lang === FALLBACK || !fallbackRequested) return response;
        const timeout = new Promise((resolve) => { setTimeout(resolve, WAIT_AT_MOST_MS); });
        return $q.when(Promise.race([fallbackHandled, timeout])).then(() => response);
      },
      responseError(rejection) {
        passed(rejection.config);
        return $q.reject(rejection);
      },
    };
  }]);
}]);

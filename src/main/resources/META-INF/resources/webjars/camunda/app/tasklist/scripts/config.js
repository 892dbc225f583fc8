// Tasklist configuration of Aftersales Flow: replaces the stock app/tasklist/scripts/config.js.
// Plugin scripts are plain ES modules in this folder (paths are relative to app/tasklist/).
const chinese = ((navigator.languages && navigator.languages[0]) || navigator.language || '')
  .toLowerCase().startsWith('zh');

export default {
  // Chinese for browsers that prefer it (zh-CN, zh, ...), English for every other; see docs/languages.md.
  locales: { availableLocales: ['en', 'zh'], fallbackLocale: 'en' },
  customScripts: [
    '../dates-follow-language.js',
    'scripts/form-messages.js',
    'scripts/aftersales-tabs.js'
  ],
  // described in the page's language (the browser's first, as the webapps choose theirs)
  shortcuts: chinese ? {
    claimTask: { key: 'ctrl+alt+c', description: '认领当前选中的任务' },
    focusFilter: { key: 'ctrl+shift+f', description: '将焦点移到列表中的第一个过滤器' },
    focusList: { key: 'ctrl+alt+l', description: '将焦点移到列表中的第一个任务' },
    focusForm: { key: 'ctrl+alt+f', description: '将焦点移到任务表单的第一个输入项' },
    startProcess: { key: 'ctrl+alt+p', description: '打开“启动流程”对话框' }
  } : {
    claimTask: { key: 'ctrl+alt+c', description: 'claims the currently selected task' },
    focusFilter: { key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list' },
    focusList: { key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list' },
    focusForm: { key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form' },
    startProcess: { key: 'ctrl+alt+p', description: 'opens the start process modal dialog' }
  }
};

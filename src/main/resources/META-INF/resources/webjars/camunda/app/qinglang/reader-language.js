// The webapps' language for this reader, as the webapps choose it: the browser's first of Chinese and
// English, else English.
export const chinese = (() => {
  for (const wanted of navigator.languages || [navigator.language]) {
    const language = String(wanted).toLowerCase().split('-')[0];
    if (language === 'zh' || language === 'en') {
      return language === 'zh';
    }
  }
  return false;
})();

// Camunda Forms (form-js) says what is wrong with a field in English only, a pattern as the regular
// expression itself: a reader of Chinese reads it in Chinese, and no reader is shown a regular expression.
import {chinese} from './reader-language.js';

const messages = [
  [/^Field is required\.$/, () => (chinese ? '此项为必填项。' : null)],
  [/^Field must match pattern [\s\S]*\.$/, () => (chinese ? '格式不正确，请按提示填写。' : 'This value is not in the expected form.')],
  [/^Field must have minimum length of (\d+)\.$/, (n) => (chinese ? `至少 ${n} 个字符。` : null)],
  [/^Field must have maximum length of (\d+)\.$/, (n) => (chinese ? `最多 ${n} 个字符。` : null)],
  [/^Field must have minimum value of (.+)\.$/, (n) => (chinese ? `不能小于 ${n}。` : null)],
  [/^Field must have maximum value of (.+)\.$/, (n) => (chinese ? `不能大于 ${n}。` : null)],
  [/^Field must be a valid email\.$/, () => (chinese ? '请填写有效的电子邮箱。' : null)],
  [/^Field must be a valid\s+international phone number\.[\s\S]*$/,
    () => (chinese ? '请填写有效的国际电话号码，例如 +8610 12345678。' : null)]
];

const say = (text) => {
  for (const [pattern, words] of messages) {
    const found = pattern.exec(text.trim());
    if (found) {
      return words(...found.slice(1));
    }
  }
  return null;
};

const translate = (root) => {
  root.querySelectorAll('.fjs-form-field-error').forEach((error) => {
    const walker = document.createTreeWalker(error, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const said = say(node.nodeValue);
      if (said !== null) {
        node.nodeValue = said;
      }
    }
  });
};

new MutationObserver(() => translate(document)).observe(document.documentElement,
  {childList: true, subtree: true, characterData: true});

export default [];

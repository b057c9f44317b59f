import {chinese} from './reader-language.js';

// The case file one click from the open task: the task's name carries its case number, and a link
// beside the name opens that case file (in a tab of its own, so the form being filled in stays).
const CASE_NUMBER = /QL-\d{4}-\d{6}/;

const caseFileLink = () => {
  const name = document.querySelector('.task-details .names h2.task');
  const existing = document.getElementById('qinglang-case-file');
  const number = name ? (name.textContent.match(CASE_NUMBER) || [])[0] : undefined;
  if (!number) {
    if (existing) {
      existing.remove();
    }
    return;
  }
  const href = '/staff/cases/' + number;
  if (existing && existing.getAttribute('href') === href && existing.previousElementSibling === name) {
    return;
  }
  if (existing) {
    existing.remove();
  }
  const link = document.createElement('a');
  link.id = 'qinglang-case-file';
  link.href = href;
  link.target = '_blank';
  link.rel = 'noopener';
  link.textContent = (chinese ? '打开案卷 ' : 'Open the case file ') + number;
  link.style.cssText = 'display:inline-block;margin:0 0 .5rem;';
  name.after(link);
};
// Tasklist draws the open task again whenever another is chosen: follow it.
new MutationObserver(caseFileLink).observe(document.documentElement,
  {childList: true, subtree: true, characterData: true});

export default [];

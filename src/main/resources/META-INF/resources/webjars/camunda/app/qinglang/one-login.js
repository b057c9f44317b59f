import {chinese} from './reader-language.js';

// One login for staff: the webapp's own login view hands over to the staff login page, whose
// session every webapp accepts.
const staffLogin = () => {
  if (/^#!?\/login/.test(window.location.hash)) {
    window.location.replace('/login');
  }
};
staffLogin();
window.addEventListener('hashchange', staffLogin);


// The staff pages are one click away from every webapp's header: the case search for all staff, the
// process models for those who may change them (the server answers a manager only).
const staffLinks = async () => {
  const brand = document.querySelector('[cam-widget-header] .navbar-brand');
  if (!brand || document.getElementById('qinglang-staff-links')) {
    return Boolean(brand);
  }
  const links = document.createElement('span');
  links.id = 'qinglang-staff-links';
  links.style.cssText = 'display:inline-flex;gap:1rem;align-items:center;height:50px;margin-left:1rem;';
  const add = (id, href, text) => {
    const link = document.createElement('a');
    link.id = id;
    link.href = href;
    link.textContent = text;
    links.appendChild(link);
  };
  add('qinglang-search-link', '/staff/cases', chinese ? '案件检索' : 'Search cases');
  brand.after(links);
  const models = await fetch('/models', {method: 'HEAD', credentials: 'same-origin', redirect: 'manual'})
    .catch(() => null);
  if (models && models.status === 200) {
    add('qinglang-models-link', '/models', chinese ? '流程模型' : 'Process models');
  }
  return true;
};
// The webapps draw their header when they start and again after a login: put the links back each time.
new MutationObserver(() => {
  staffLinks();
}).observe(document.documentElement, {childList: true, subtree: true});

export default [];

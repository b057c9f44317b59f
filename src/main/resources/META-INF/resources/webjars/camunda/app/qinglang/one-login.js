// One login for staff: the webapp's own login view hands over to the staff login page, whose
// session every webapp accepts.
const staffLogin = () => {
  if (/^#!?\/login/.test(window.location.hash)) {
    window.location.replace('/login');
  }
};
staffLogin();
window.addEventListener('hashchange', staffLogin);

export default [];

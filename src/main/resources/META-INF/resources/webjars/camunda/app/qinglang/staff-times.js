// Staff read every time in the office's zone (qinglang.time-zone, Asia/Shanghai unless configured),
// whatever zone their browser is in: the same clock as the notices, deadlines and the case file.
import zone from './staff-zone.js';
import {chinese} from './reader-language.js';

const NativeDateTimeFormat = Intl.DateTimeFormat;

// The footer's "times shown in" and any formatter without a zone of its own use the office's zone.
function OfficeDateTimeFormat(locales, options) {
  return new NativeDateTimeFormat(locales, Object.assign({ timeZone: zone }, options));
}
OfficeDateTimeFormat.prototype = NativeDateTimeFormat.prototype;
OfficeDateTimeFormat.supportedLocalesOf = NativeDateTimeFormat.supportedLocalesOf;
Intl.DateTimeFormat = OfficeDateTimeFormat;

const wallClock = new NativeDateTimeFormat('en-US', {
  timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', second: '2-digit'
});

/** Minutes the office's clock is ahead of UTC at this instant (zones with summer time included). */
export const officeOffsetMinutes = (epochMillis) => {
  const part = {};
  wallClock.formatToParts(new Date(epochMillis)).forEach((p) => { part[p.type] = p.value; });
  const wall = Date.UTC(+part.year, +part.month - 1, +part.day, +part.hour % 24, +part.minute, +part.second);
  return Math.round((wall - Math.floor(epochMillis / 1000) * 1000) / 60000);
};

// The webapps format dates with moment (their date filter, lists and forms): a moment in the
// browser's local mode is shown on the office's clock; an explicit UTC or offset moment as asked.
// Cockpit has moment as a global, Tasklist inside its angular-moment module.
const moments = () => {
  const found = [];
  if (window.moment && window.moment.fn) {
    found.push(window.moment);
  }
  try {
    const tasklists = window.angular.injector(['ng', 'angularMoment']).get('moment');
    if (!found.includes(tasklists)) {
      found.push(tasklists);
    }
  } catch (notInThisWebapp) {
    // No angular-moment here: the global one is all there is.
  }
  return found;
};

moments().forEach((moment) => {
  const format = moment.fn.format;
  moment.fn.format = function (pattern) {
    if (this._isUTC || !this.isValid()) {
      return format.call(this, pattern);
    }
    return format.call(this.clone().utcOffset(officeOffsetMinutes(this.valueOf())), pattern);
  };
});

// The webapps define the relative dates ("一天后", "几秒前") of the reader's language and of the
// fallback English as each translation file arrives, and moment takes whichever came last, possibly
// after the first list was drawn. For a reader of Chinese, Chinese is kept once it is defined, and the
// webapp told, whose relative dates then draw themselves again (angular-moment's
// "amMoment:localeChanged"); the webapp may not have finished starting yet: it is told once it has.
const tellTheWebapp = (attempt = 0) => {
  for (const element of [document.body, document.documentElement]) {
    try {
      const injector = window.angular.element(element).injector();
      if (injector && injector.has('amMoment')) {
        injector.get('amMoment').changeLocale('zh');
        injector.get('$rootScope').$applyAsync();
        return;
      }
    } catch (notStartedHere) {
      // Try the next element, or again shortly.
    }
  }
  if (attempt < 100) {
    setTimeout(() => tellTheWebapp(attempt + 1), 100);
  }
};

if (chinese) {
  moments().forEach((moment) => {
    ['defineLocale', 'updateLocale'].forEach((name) => {
      const define = moment[name];
      moment[name] = function (locale, config) {
        const defined = define.call(this, locale, config);
        if (moment.locales().includes('zh')) {
          moment.locale('zh');
          tellTheWebapp();
        }
        return defined;
      };
    });
  });
}

export default [];

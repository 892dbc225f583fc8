// Dates and times in the service time zone in every webapp, whatever the browser's zone
// (docs/languages.md, "Tasklist tabs, group names and the service zone").
//
// The zone is the application's, aftersales.service-hours.zone (Asia/Shanghai), read from
// service-zone.json beside this file before the webapp starts (dates-follow-language.js imports
// this module, and the webapps wait for their custom scripts). Then:
// - moment, with which the webapps format and parse dates, keeps every moment in that zone: its
//   updateOffset hook (the one moment-timezone uses) gives each instant the zone's offset, which
//   the browser's Intl computes; a date and time written without an offset ('2026-12-04T18:00:00',
//   what Tasklist's date pickers and filter criteria hand to moment) means that time in the zone.
// - Intl.DateTimeFormat and Date's toLocale…String use the zone unless told another (the webapps'
//   footer names the zone it takes from Intl).
// Should the zone not load, the webapps show the browser's zone, as Camunda does.
// Plain ES module, no build step.

const ZONE_FILE = new URL('service-zone.json', import.meta.url);
const WAIT_AT_MOST_MS = 5_000;
const QUARTER_HOUR_MS = 15 * 60_000;

async function serviceZone() {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), WAIT_AT_MOST_MS);
  try {
    const response = await fetch(ZONE_FILE, { credentials: 'same-origin', headers: { Accept: 'application/json' }, signal: abort.signal });
    if (!response.ok) throw new Error(`${ZONE_FILE} answered ${response.status}`);
    const { zone } = await response.json();
    new Intl.DateTimeFormat('en', { timeZone: zone }); // a zone this browser does not know throws here
    return zone;
  } catch (e) {
    console.warn('Aftersales Flow: dates stay in the browser\'s time zone;', e.message);
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/** Offsets (minutes east of UTC) of `zone` per instant; they change only on quarter hours. */
function offsets(NativeDateTimeFormat, zone) {
  const format = new NativeDateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', era: 'short', year: 'numeric', month: 'numeric', day: 'numeric',
    hour: 'numeric', minute: 'numeric', second: 'numeric',
  });
  const cache = new Map();
  function offsetAt(ms) {
    const quarter = Math.floor(ms / QUARTER_HOUR_MS);
    let offset = cache.get(quarter);
    if (offset === undefined) {
      const at = quarter * QUARTER_HOUR_MS;
      const p = Object.fromEntries(format.formatToParts(new Date(at)).map(({ type, value }) => [type, value]));
      const wall = new Date(0);
      wall.setUTCFullYear(p.era === 'BC' ? 1 - Number(p.year) : Number(p.year), Number(p.month) - 1, Number(p.day));
      wall.setUTCHours(Number(p.hour), Number(p.minute), Number(p.second), 0);
      offset = Math.round((wall.getTime() - at) / 60_000);
      if (cache.size > 5000) cache.clear();
      cache.set(quarter, offset);
    }
    return offset;
  }
  /** The instant at which the zone's clock shows `wallMs` (a wall time written as if UTC). */
  function instantOfWall(wallMs) {
    const first = offsetAt(wallMs - offsetAt(wallMs) * 60_000);
    const second = offsetAt(wallMs - first * 60_000);
    return wallMs - second * 60_000;
  }
  return { offsetAt, instantOfWall };
}

/** Every copy of moment the page has: the global one (Cockpit, Admin) and the one in the webapps' bundle. */
function moments() {
  const found = new Set();
  const isMoment = (m) => typeof m === 'function' && m.fn && typeof m.updateOffset === 'function' && typeof m.version === 'string';
  if (isMoment(window.moment)) found.add(window.moment);
  const chunks = window.webpackChunkcamunda_bpm_webapp || window.webpackChunkoperaton_bpm_webapp; // Camunda, Operaton
  if (chunks && typeof chunks.push === 'function') {
    // webpack hands its module loader to a chunk's runtime function: find moment's module by its source
    chunks.push([[`aftersales-service-zone-${Math.random()}`], {}, (load) => {
      for (const id of Object.keys(load.m || {})) {
        const source = Function.prototype.toString.call(load.m[id]);
        if (source.includes('updateOffset') && /\.version="2\.\d+\.\d+"/.test(source)) {
          try {
            const exported = load(id);
            for (const candidate of [exported, exported && exported.default]) if (isMoment(candidate)) found.add(candidate);
          } catch (e) {
            // not loadable on its own: not moment
          }
        }
      }
    }]);
  }
  return [...found];
}

const ZONED = 'aftersales-service-zone';

function keepInZone(moment, { offsetAt, instantOfWall }) {
  if (moment.aftersalesServiceZone) return;
  moment.aftersalesServiceZone = true;
  // moments keep their zone mark (clones stay zoned) and the parts they were parsed from (_a), which
  // moment would otherwise leave in the parser's config, as moment-timezone does
  for (const property of ['_z', '_a']) if (!moment.momentProperties.includes(property)) moment.momentProperties.push(property);
  let applying = false;
  const fixOffset = moment.fn.utcOffset;
  moment.fn.utcOffset = function utcOffset(input) {
    if (input != null && !applying) this._z = null; // utc(), parseZone(), utcOffset(n): that offset, as asked
    return fixOffset.apply(this, arguments);
  };
  const setZone = (mom, keepTime) => {
    const offset = offsetAt(mom.valueOf());
    if (mom._isUTC && mom._offset === offset) return;
    applying = true;
    try {
      fixOffset.call(mom, offset, keepTime, true);
    } finally {
      applying = false;
    }
  };
  moment.fn.local = function local(keepLocalTime) { // "local" is the service zone's time here
    if (!this.isValid()) return this;
    this._z = ZONED;
    setZone(this, keepLocalTime);
    return this;
  };
  moment.updateOffset = function updateOffset(mom, keepTime) {
    if (mom._z === undefined) {
      if (mom._isUTC) {
        mom._z = null; // moment.utc(…), parseZone(…)
        return;
      }
      const a = mom._a;
      if (a && mom._tzm === undefined && mom._f !== 'X' && mom._f !== 'x' && mom.isValid()) {
        // parsed from a date and time without an offset: the service zone's clock
        const wall = new Date(0);
        wall.setUTCFullYear(a[0], a[1], a[2]);
        wall.setUTCHours(a[3] || 0, a[4] || 0, a[5] || 0, a[6] || 0);
        mom._d = new Date(instantOfWall(wall.getTime()));
      }
      mom._z = ZONED;
    }
    if (mom._z === ZONED && mom.isValid()) setZone(mom, keepTime);
  };
}

function defaultIntlZone(zone) {
  const NativeDateTimeFormat = Intl.DateTimeFormat;
  const withZone = (options) => (options && options.timeZone ? options : { ...options, timeZone: zone });
  Intl.DateTimeFormat = new Proxy(NativeDateTimeFormat, {
    construct: (target, [locales, options]) => new NativeDateTimeFormat(locales, withZone(options)),
    apply: (target, self, [locales, options]) => new NativeDateTimeFormat(locales, withZone(options)),
  });
  for (const name of ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString']) {
    const native = Date.prototype[name];
    Date.prototype[name] = function toLocale(locales, options) { return native.call(this, locales, withZone(options)); };
  }
  return NativeDateTimeFormat;
}

const zone = window.aftersalesServiceZone ? window.aftersalesServiceZone.zone : await serviceZone();
if (zone && !window.aftersalesServiceZone) {
  const NativeDateTimeFormat = Intl.DateTimeFormat;
  const zoneOffsets = offsets(NativeDateTimeFormat, zone);
  moments().forEach((moment) => keepInZone(moment, zoneOffsets));
  defaultIntlZone(zone);
  window.aftersalesServiceZone = { zone, offsetAt: zoneOffsets.offsetAt };
}

export default [];

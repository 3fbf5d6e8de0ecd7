/**
 * ISO-8601 durations for a store's pickup hold ("PT48H", "P2D", "P1DT12H", "PT90M").
 * Years and months are refused: their length varies, and a hold must be an exact span.
 * A day counts as 24 hours.
 */
const PATTERN = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;
const MAX_SECONDS = 366 * 86400;
export function parseIsoDuration(text) {
    const m = PATTERN.exec(text.trim().toUpperCase());
    if (!m || text.trim().toUpperCase().endsWith('T') || text.trim().length < 3)
        return null;
    const [w, d, h, min, s] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
    const seconds = w * 604800 + d * 86400 + h * 3600 + min * 60 + s;
    return seconds > 0 && seconds <= MAX_SECONDS ? seconds : null;
}
/** The canonical form: hours, minutes and seconds ("PT48H", "PT1H30M"). */
export function formatIsoDuration(seconds) {
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = seconds % 60;
    return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${s}S` : ''}`;
}
//# sourceMappingURL=iso-duration.js.map
// The clock, read here only (the core never reads it: elements pass it `today` or a UTC time).
// Korea Standard Time is UTC+9 without daylight saving since 1988 (the core's src/kst.rs).

/** Korea's offset from UTC, in milliseconds. */
const KST = 9 * 36e5;

/** The current time. */
export const now = () => new Date();

/** Today in Korea, YYYY-MM-DD. */
export const today = () => new Date(+now() + KST).toISOString().slice(0, 10);

/** Now on the Korean wall clock, YYYY-MM-DDTHH:MM. */
export const kstNow = () => new Date(+now() + KST).toISOString().slice(0, 16);

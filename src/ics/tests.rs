//! Spec-style tests: each `check` states an input and the exact expected output.

use super::line::{Lines, MAX_OCTETS};
use super::*;
use helpers::*;

/// Small helpers kept in one place so the tests below read like a spec.
mod helpers {
    use super::*;

    pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }
    pub fn date(y: i32, m: u32, day: u32) -> When {
        When::Date(d(y, m, day))
    }
    pub fn local(y: i32, m: u32, day: u32, h: u32, min: u32) -> When {
        When::Local(d(y, m, day).and_hms_opt(h, min, 0).unwrap())
    }
    pub fn cal<'a>(events: Vec<Event<'a>>) -> Calendar<'a> {
        Calendar {
            name: "테스트 의회",
            prodid: "-//cogov//test//KO",
            url: None,
            refresh_interval_minutes: None,
            dtstamp_utc: d(2026, 7, 1).and_hms_opt(9, 30, 5).unwrap(),
            truncated: false,
            events,
        }
    }
    /// The lines of one `NAME:value` TEXT property, as written.
    pub fn text_prop(name: &str, value: &str) -> String {
        let mut s = String::new();
        Lines::new(&mut s).text_line(name, value);
        s
    }
    /// Undo folding (RFC 5545 §3.1): remove every CRLF followed by one space.
    pub fn unfold(s: &str) -> String {
        s.replace("\r\n ", "")
    }
    /// Only the VEVENT blocks of the calendar.
    pub fn vevents(c: &Calendar) -> String {
        let s = to_string(c);
        let a = s.find("BEGIN:VEVENT").unwrap_or(s.len());
        let b = s.rfind("END:VCALENDAR").unwrap_or(s.len());
        s[a..b].to_string()
    }
    /// The physical lines joined by '\n' for readable expectations.
    pub fn pretty(s: &str) -> String {
        s.replace("\r\n", "\n")
    }
}

/// `check(input, expected)`: the TEXT property written for `input` (CRLF shown as `\n`).
fn check(input: &str, expected: &str) {
    assert_eq!(
        pretty(&text_prop("SUMMARY", input)),
        expected,
        "input: {input:?}"
    );
}

fn assert_well_formed(s: &str) {
    assert!(s.ends_with("\r\n"));
    for line in s.split_terminator("\r\n") {
        assert!(line.len() <= MAX_OCTETS, "{} octets: {line:?}", line.len());
        assert!(
            !line.contains('\r') && !line.contains('\n'),
            "bare CR/LF in {line:?}"
        );
    }
    // No CR or LF other than as part of a CRLF pair.
    assert_eq!(s.matches('\r').count(), s.matches("\r\n").count());
    assert_eq!(s.matches('\n').count(), s.matches("\r\n").count());
}

// ---------------------------------------------------------------- folding

#[test]
fn line_of_exactly_75_octets_is_not_folded() {
    let v = "a".repeat(75 - "SUMMARY:".len());
    check(&v, &format!("SUMMARY:{v}\n"));
}

#[test]
fn line_of_76_octets_folds_the_last_octet() {
    let v = "a".repeat(76 - "SUMMARY:".len());
    check(&v, &format!("SUMMARY:{}\n a\n", &v[1..]));
}

#[test]
fn fold_that_would_split_a_korean_char_moves_earlier() {
    // 8 + 65 = 73 octets; "한" (3 octets) would end at 76, so it starts the next line.
    let v = format!("{}한글", "a".repeat(65));
    check(&v, &format!("SUMMARY:{}\n 한글\n", "a".repeat(65)));
    // 8 + 64 = 72 octets; "한" ends exactly at 75 and stays.
    let v = format!("{}한글", "a".repeat(64));
    check(&v, &format!("SUMMARY:{}한\n 글\n", "a".repeat(64)));
}

#[test]
fn continuation_lines_hold_one_space_plus_74_octets() {
    // 8 + 67 = 75 on the first line, then 74 octets after the leading space.
    let v = "x".repeat(67 + 74 + 1);
    check(
        &v,
        &format!("SUMMARY:{}\n {}\n x\n", "x".repeat(67), "x".repeat(74)),
    );
}

#[test]
fn long_korean_lines_break_on_char_boundaries() {
    // 8 octets + 22 chars * 3 = 74; the 23rd char would make 77.
    let v = "가".repeat(30);
    check(
        &v,
        &format!("SUMMARY:{}\n {}\n", "가".repeat(22), "가".repeat(8)),
    );
}

#[test]
fn every_line_fits_for_mixed_ascii_korean_emoji_at_every_offset() {
    let base = "제1차 중앙지방협력회의 🏛️ Council, 청와대 영빈관; 😀👍🏽 (2026) 가나다라마바사 ";
    for pad in 0..80 {
        let v = format!("{}{}", "a".repeat(pad), base.repeat(5));
        let s = text_prop("DESCRIPTION", &v);
        assert_well_formed(&s);
        let line = unfold(&s);
        let expected = v.replace(',', "\\,").replace(';', "\\;");
        assert_eq!(line, format!("DESCRIPTION:{expected}\r\n"));
    }
}

#[test]
fn escapes_are_never_split_by_a_fold() {
    // 8 + 66 = 74 octets: "\;" would straddle 75, so it moves whole to the next line.
    let v = format!("{};x", "a".repeat(66));
    check(&v, &format!("SUMMARY:{}\n \\;x\n", "a".repeat(66)));
}

// ---------------------------------------------------------------- escaping

#[test]
fn text_escaping() {
    check("a\\b", "SUMMARY:a\\\\b\n");
    check("a;b,c", "SUMMARY:a\\;b\\,c\n");
    check("line1\nline2", "SUMMARY:line1\\nline2\n");
    check("crlf\r\nlone cr\rend", "SUMMARY:crlf\\nlone cr\\nend\n");
    check("tab\tkept", "SUMMARY:tab\tkept\n");
    check(
        "nul\0 bell\x07 del\x7f esc\x1b",
        "SUMMARY:nul bell del esc\n",
    );
    check("colon: \"quotes\" ok", "SUMMARY:colon: \"quotes\" ok\n");
    check("", "SUMMARY:\n");
}

#[test]
fn uri_values_drop_control_characters() {
    let mut e = Event::new("u", date(2026, 7, 14), "s");
    e.url = Some("https://x.kr/a?b=1,2;c\r\nBEGIN:VEVENT");
    assert!(
        vevents(&cal(vec![e])).contains("\r\nURL;VALUE=URI:https://x.kr/a?b=1,2;cBEGIN:VEVENT\r\n")
    );
}

// ---------------------------------------------------------------- calendar

#[test]
fn calendar_header_and_footer() {
    let mut c = cal(vec![]);
    c.url = Some("https://cogov.example/council.ics");
    c.refresh_interval_minutes = Some(720);
    assert_eq!(
        pretty(&to_string(&c)),
        "BEGIN:VCALENDAR\n\
         VERSION:2.0\n\
         PRODID:-//cogov//test//KO\n\
         CALSCALE:GREGORIAN\n\
         METHOD:PUBLISH\n\
         NAME:테스트 의회\n\
         X-WR-CALNAME:테스트 의회\n\
         X-WR-TIMEZONE:Asia/Seoul\n\
         URL;VALUE=URI:https://cogov.example/council.ics\n\
         SOURCE;VALUE=URI:https://cogov.example/council.ics\n\
         REFRESH-INTERVAL;VALUE=DURATION:PT720M\n\
         X-PUBLISHED-TTL:PT720M\n\
         END:VCALENDAR\n"
    );
}

#[test]
fn zero_refresh_interval_is_omitted() {
    let mut c = cal(vec![]);
    c.refresh_interval_minutes = Some(0);
    assert!(!to_string(&c).contains("REFRESH-INTERVAL"));
}

#[test]
fn vtimezone_only_when_a_timed_event_exists() {
    let all_day = Event::new("a", date(2026, 7, 14), "all day");
    assert!(!to_string(&cal(vec![all_day.clone()])).contains("VTIMEZONE"));

    let timed = Event::new("t", local(2026, 7, 14, 10, 0), "timed");
    let s = to_string(&cal(vec![all_day, timed.clone(), timed]));
    assert_eq!(s.matches("BEGIN:VTIMEZONE").count(), 1);
    assert!(pretty(&s).contains(
        "X-WR-TIMEZONE:Asia/Seoul\n\
         BEGIN:VTIMEZONE\n\
         TZID:Asia/Seoul\n\
         X-LIC-LOCATION:Asia/Seoul\n\
         BEGIN:STANDARD\n\
         TZOFFSETFROM:+0900\n\
         TZOFFSETTO:+0900\n\
         TZNAME:KST\n\
         DTSTART:19881009T030000\n\
         END:STANDARD\n\
         END:VTIMEZONE\n\
         BEGIN:VEVENT\n"
    ));
}

// ---------------------------------------------------------------- events

#[test]
fn all_day_event_with_inclusive_end() {
    let mut e = Event::new("s1@pub", date(2026, 7, 14), "임시회");
    e.end = Some(date(2026, 7, 16)); // last day, inclusive
    assert_eq!(
        pretty(&vevents(&cal(vec![e]))),
        "BEGIN:VEVENT\n\
         UID:s1@pub\n\
         DTSTAMP:20260701T093005Z\n\
         DTSTART;VALUE=DATE:20260714\n\
         DTEND;VALUE=DATE:20260717\n\
         SEQUENCE:0\n\
         STATUS:CONFIRMED\n\
         SUMMARY:임시회\n\
         END:VEVENT\n"
    );
}

#[test]
fn timed_event_with_all_fields() {
    let mut e = Event::new("s2@pub", local(2026, 7, 14, 10, 0), "제1차 본회의");
    e.end = Some(local(2026, 7, 14, 12, 30));
    e.description = Some("안건: 조례안, 예산안");
    e.location = Some("본회의장");
    e.url = Some("https://council.example/s2");
    e.status = Status::Tentative;
    e.sequence = 3;
    e.categories = &["본회의", "", "a,b"];
    assert_eq!(
        pretty(&vevents(&cal(vec![e]))),
        "BEGIN:VEVENT\n\
         UID:s2@pub\n\
         DTSTAMP:20260701T093005Z\n\
         DTSTART;TZID=Asia/Seoul:20260714T100000\n\
         DTEND;TZID=Asia/Seoul:20260714T123000\n\
         SEQUENCE:3\n\
         STATUS:TENTATIVE\n\
         SUMMARY:제1차 본회의\n\
         DESCRIPTION:안건: 조례안\\, 예산안\n\
         LOCATION:본회의장\n\
         URL;VALUE=URI:https://council.example/s2\n\
         CATEGORIES:본회의,a\\,b\n\
         END:VEVENT\n"
    );
}

#[test]
fn cancelled_status() {
    let mut e = Event::new("c@pub", local(2026, 7, 14, 10, 0), "취소된 회의");
    e.status = Status::Cancelled;
    e.sequence = 2;
    let s = vevents(&cal(vec![e]));
    assert!(s.contains("\r\nSEQUENCE:2\r\nSTATUS:CANCELLED\r\n"), "{s}");
}

#[test]
fn rrule_and_exdates_follow_dtstart_type() {
    let mut e = Event::new("r@pub", local(2026, 7, 7, 14, 0), "정례회의");
    e.end = Some(local(2026, 7, 7, 16, 0));
    e.rrule = Some("FREQ=WEEKLY;BYDAY=TU;UNTIL=20260929T145959Z");
    // A bare date takes the start's time of day.
    let ex = [local(2026, 7, 21, 14, 0), date(2026, 8, 4)];
    e.exdates = &ex;
    assert_eq!(
        pretty(&vevents(&cal(vec![e]))),
        "BEGIN:VEVENT\n\
         UID:r@pub\n\
         DTSTAMP:20260701T093005Z\n\
         DTSTART;TZID=Asia/Seoul:20260707T140000\n\
         DTEND;TZID=Asia/Seoul:20260707T160000\n\
         RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20260929T145959Z\n\
         EXDATE;TZID=Asia/Seoul:20260721T140000\n\
         EXDATE;TZID=Asia/Seoul:20260804T140000\n\
         SEQUENCE:0\n\
         STATUS:CONFIRMED\n\
         SUMMARY:정례회의\n\
         END:VEVENT\n"
    );
}

#[test]
fn all_day_series_exdate_and_recurrence_id_are_dates() {
    let mut e = Event::new("r@pub", date(2026, 7, 6), "월례");
    e.rrule = Some("FREQ=MONTHLY;COUNT=3");
    let ex = [local(2026, 8, 6, 9, 0)];
    e.exdates = &ex;
    e.recurrence_id = Some(local(2026, 9, 6, 0, 0));
    let s = pretty(&vevents(&cal(vec![e])));
    assert!(s.contains("\nRECURRENCE-ID;VALUE=DATE:20260906\nRRULE:FREQ=MONTHLY;COUNT=3\nEXDATE;VALUE=DATE:20260806\n"), "{s}");
}

#[test]
fn recurrence_id_override() {
    let mut e = Event::new("r@pub", local(2026, 7, 14, 15, 0), "정례회의 (시간 변경)");
    e.recurrence_id = Some(local(2026, 7, 14, 14, 0));
    e.sequence = 1;
    let s = vevents(&cal(vec![e]));
    assert!(s.contains("\r\nDTSTART;TZID=Asia/Seoul:20260714T150000\r\nRECURRENCE-ID;TZID=Asia/Seoul:20260714T140000\r\n"), "{s}");
}

#[test]
fn rrule_sanitising() {
    let rule = |r: &str| {
        let mut e = Event::new("r", date(2026, 7, 6), "s");
        e.rrule = Some(r);
        let s = vevents(&cal(vec![e]));
        s.lines()
            .find(|l| l.starts_with("RRULE"))
            .map(|l| l.trim_end().to_string())
    };
    assert_eq!(
        rule("FREQ=DAILY;COUNT=2").as_deref(),
        Some("RRULE:FREQ=DAILY;COUNT=2")
    );
    assert_eq!(
        rule(" rrule:FREQ=DAILY;\r\n COUNT=2 ").as_deref(),
        Some("RRULE:FREQ=DAILY;COUNT=2")
    );
    assert_eq!(
        rule("FREQ=MONTHLY;BYDAY=-1FR,+2MO").as_deref(),
        Some("RRULE:FREQ=MONTHLY;BYDAY=-1FR,+2MO")
    );
    // Anything that could start a new property, parameter or value is refused.
    assert_eq!(rule("FREQ=DAILY\r\nEND:VEVENT"), None);
    assert_eq!(rule("FREQ=DAILY;X=\"q\""), None);
    assert_eq!(rule("FREQ=DAILY;X=매일"), None);
    assert_eq!(rule(""), None);
    assert_eq!(rule("RRULE:"), None);
    assert_eq!(rule("  \r\n"), None);
    assert_eq!(rule("rr한"), None); // non-ASCII near the prefix check: no panic
}

#[test]
fn invalid_ends_are_dropped_and_mixed_types_converted() {
    let end_of = |start: When, end: When| {
        let mut e = Event::new("e", start, "s");
        e.end = Some(end);
        let s = vevents(&cal(vec![e]));
        s.lines()
            .find(|l| l.starts_with("DTEND"))
            .map(|l| l.trim_end().to_string())
    };
    // Same day, inclusive: a one-day event.
    assert_eq!(
        end_of(date(2026, 7, 14), date(2026, 7, 14)).as_deref(),
        Some("DTEND;VALUE=DATE:20260715")
    );
    assert_eq!(end_of(date(2026, 7, 14), date(2026, 7, 13)), None);
    assert_eq!(
        end_of(date(2026, 12, 31), local(2027, 1, 1, 18, 0)).as_deref(),
        Some("DTEND;VALUE=DATE:20270102")
    );
    assert_eq!(
        end_of(local(2026, 7, 14, 10, 0), local(2026, 7, 14, 10, 0)),
        None
    );
    assert_eq!(
        end_of(local(2026, 7, 14, 10, 0), local(2026, 7, 14, 9, 0)),
        None
    );
    assert_eq!(
        end_of(local(2026, 7, 14, 10, 0), date(2026, 7, 15)).as_deref(),
        Some("DTEND;TZID=Asia/Seoul:20260716T000000")
    );
}

#[test]
fn extreme_dates_do_not_panic() {
    let mut e = Event::new("x", When::Date(NaiveDate::MAX), "max");
    e.end = Some(When::Date(NaiveDate::MAX));
    e.exdates = &[When::Date(NaiveDate::MIN)];
    let mut f = Event::new("y", When::Local(NaiveDateTime::MAX), "max");
    f.end = Some(When::Date(NaiveDate::MAX));
    f.recurrence_id = Some(When::Date(NaiveDate::MIN));
    let c = Calendar {
        dtstamp_utc: NaiveDateTime::MIN,
        truncated: false,
        ..cal(vec![e.clone(), f.clone()])
    };
    let s = to_string(&c);
    assert_well_formed(&s);
    assert!(s.contains("DTSTAMP:00000101T000000Z"));
    assert!(s.contains("DTSTART;VALUE=DATE:99991231"));
    let _ = google_calendar_url(&e, None);
    let _ = google_calendar_url(&f, Some("\r\n"));
}

#[test]
fn ten_thousand_events_are_well_formed() {
    let long = "지방자치단체 간 협력, 그리고; 주민 참여를 위한 회의입니다.\n".repeat(8);
    let events: Vec<Event> = (0..10_000u32)
        .map(|i| {
            let mut e = Event::new(
                "id@pub",
                local(2026, 1, 1, i % 24, 0),
                "제1차 중앙지방협력회의",
            );
            e.description = Some(&long);
            e.location = Some("청와대 영빈관");
            e
        })
        .collect();
    let s = to_string(&cal(events));
    assert_well_formed(&s);
    assert_eq!(s.matches("BEGIN:VEVENT").count(), 10_000);
}

// ---------------------------------------------------------------- Google Calendar

fn check_pct(input: &str, expected: &str) {
    let mut out = String::new();
    percent_encode(input, &mut out);
    assert_eq!(out, expected, "input: {input:?}");
}

#[test]
fn percent_encoding() {
    check_pct("", "");
    check_pct("AZaz09-._~", "AZaz09-._~");
    check_pct(" ", "%20");
    check_pct("+&=?#/:;,%", "%2B%26%3D%3F%23%2F%3A%3B%2C%25");
    check_pct("회의", "%ED%9A%8C%EC%9D%98");
    check_pct("😀", "%F0%9F%98%80");
    check_pct("a\nb", "a%0Ab");
    check_pct("\u{7f}\u{80}", "%7F%C2%80");
}

#[test]
fn google_link_all_day() {
    let mut e = Event::new("s@p", date(2026, 7, 14), "제1차 중앙지방협력회의");
    e.end = Some(date(2026, 7, 15));
    e.location = Some("청와대 영빈관");
    assert_eq!(
        google_calendar_url(&e, None),
        "https://calendar.google.com/calendar/render?action=TEMPLATE\
         &text=%EC%A0%9C1%EC%B0%A8%20%EC%A4%91%EC%95%99%EC%A7%80%EB%B0%A9%ED%98%91%EB%A0%A5%ED%9A%8C%EC%9D%98\
         &dates=20260714/20260716\
         &location=%EC%B2%AD%EC%99%80%EB%8C%80%20%EC%98%81%EB%B9%88%EA%B4%80\
         &ctz=Asia%2FSeoul"
    );
    // No end: one day.
    e.end = None;
    assert!(google_calendar_url(&e, None).contains("&dates=20260714/20260715&"));
}

#[test]
fn google_link_timed_with_details_and_recurrence() {
    let mut e = Event::new("s@p", local(2026, 7, 14, 10, 0), "A&B");
    e.end = Some(local(2026, 7, 14, 12, 0));
    e.description = Some("1,2;3\r\n끝");
    e.url = Some("https://ignored.example");
    e.rrule = Some("FREQ=WEEKLY;COUNT=3");
    assert_eq!(
        google_calendar_url(&e, Some("https://x.kr/s?id=1&t=2")),
        "https://calendar.google.com/calendar/render?action=TEMPLATE\
         &text=A%26B\
         &dates=20260714T100000/20260714T120000\
         &details=1%2C2%3B3%0A%EB%81%9D%0A%0Ahttps%3A%2F%2Fx.kr%2Fs%3Fid%3D1%26t%3D2\
         &recur=RRULE%3AFREQ%3DWEEKLY%3BCOUNT%3D3\
         &ctz=Asia%2FSeoul"
    );
    // Without a details URL the event's own URL is used; no end: zero length.
    e.description = None;
    e.end = None;
    e.rrule = Some("bad\nEND:VEVENT");
    assert_eq!(
        google_calendar_url(&e, None),
        "https://calendar.google.com/calendar/render?action=TEMPLATE\
         &text=A%26B&dates=20260714T100000/20260714T100000\
         &details=https%3A%2F%2Fignored.example&ctz=Asia%2FSeoul"
    );
}

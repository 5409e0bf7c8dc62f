//! Content-line writer: folds at 75 octets *while writing* and escapes TEXT values.
//!
//! Every byte of the calendar goes through [`Lines`], so the two invariants of
//! RFC 5545 §3.1 hold by construction:
//! - each physical line is at most [`MAX_OCTETS`] octets (excluding CRLF) and
//!   ends with CRLF;
//! - a fold (CRLF + one space) never splits a UTF-8 character, nor a two-byte
//!   escape such as `\n` (splitting an escape is legal, but some parsers trip on it).

/// Maximum octets per physical line, excluding the CRLF (RFC 5545 §3.1).
pub const MAX_OCTETS: usize = 75;

/// Bytes that [`Lines::text`] escapes or drops: `\` `;` `,` and ASCII controls except TAB.
static SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = b != 0x09;
        b += 1;
    }
    t[0x7f] = true;
    t[b'\\' as usize] = true;
    t[b';' as usize] = true;
    t[b',' as usize] = true;
    t
};

/// Appends folded content lines to a `String`. `col` is the number of octets
/// already on the current physical line.
pub struct Lines<'s> {
    buf: &'s mut String,
    col: usize,
}

impl<'s> Lines<'s> {
    pub(crate) fn new(buf: &'s mut String) -> Self {
        Lines { buf, col: 0 }
    }

    /// Starts a new physical line after a fold.
    #[inline]
    fn fold(&mut self) {
        self.buf.push_str("\r\n ");
        self.col = 1;
    }

    /// Appends `s` as is (caller guarantees it holds no control characters),
    /// folding where needed but never inside a UTF-8 character.
    #[inline]
    pub(crate) fn raw(&mut self, mut s: &str) {
        loop {
            let room = MAX_OCTETS.saturating_sub(self.col);
            if s.len() <= room {
                self.buf.push_str(s);
                self.col += s.len();
                return;
            }
            // `room < s.len()`, so `cut` is in bounds; index 0 is always a boundary.
            let mut cut = room;
            while !s.is_char_boundary(cut) {
                cut -= 1;
            }
            let (head, tail) = s.split_at(cut);
            self.buf.push_str(head);
            self.fold();
            s = tail;
        }
    }

    /// Appends a short unit (an escape sequence) that must stay on one physical line.
    #[inline]
    pub(crate) fn atom(&mut self, s: &str) {
        if self.col + s.len() > MAX_OCTETS {
            self.fold();
        }
        self.buf.push_str(s);
        self.col += s.len();
    }

    /// Appends `s` as an escaped TEXT value (RFC 5545 §3.3.11):
    /// `\` → `\\`, `;` → `\;`, `,` → `\,`, LF / CRLF / lone CR → `\n`;
    /// every other ASCII control character except TAB is dropped.
    pub(crate) fn text(&mut self, s: &str) {
        let bytes = s.as_bytes();
        let mut run = 0; // start of the pending run of literal bytes
        while let Some(off) = bytes[run..].iter().position(|&b| SPECIAL[usize::from(b)]) {
            let i = run + off;
            // Special bytes are ASCII, so `run..i` and `i + 1..` are on char boundaries.
            self.raw(s.get(run..i).unwrap_or(""));
            run = i + 1;
            match bytes[i] {
                b'\\' => self.atom("\\\\"),
                b';' => self.atom("\\;"),
                b',' => self.atom("\\,"),
                b'\n' => self.atom("\\n"),
                b'\r' => {
                    self.atom("\\n");
                    if bytes.get(run) == Some(&b'\n') {
                        run += 1; // CRLF is one newline
                    }
                }
                _ => {} // other control characters are dropped
            }
        }
        self.raw(s.get(run..).unwrap_or(""));
    }

    /// Appends a URI or other unescaped value, dropping ASCII control characters
    /// (they can never appear in a content line, and CR/LF would inject lines).
    pub(crate) fn sanitized(&mut self, s: &str) {
        let mut run = 0;
        for (i, b) in s.bytes().enumerate() {
            if b < 0x20 || b == 0x7f {
                self.raw(s.get(run..i).unwrap_or(""));
                run = i + 1;
            }
        }
        self.raw(s.get(run..).unwrap_or(""));
    }

    /// Ends the current content line.
    #[inline]
    pub(crate) fn end(&mut self) {
        self.buf.push_str("\r\n");
        self.col = 0;
    }

    /// Writes a whole line `NAME:VALUE` where the value is TEXT.
    pub(crate) fn text_line(&mut self, name: &str, value: &str) {
        self.raw(name);
        self.raw(":");
        self.text(value);
        self.end();
    }

    /// Writes a whole line from pre-validated ASCII pieces.
    pub(crate) fn line(&mut self, s: &str) {
        self.raw(s);
        self.end();
    }
}

//! Input decoding: the bytes of a license file as text. UTF-8 (with or without its byte-order
//! mark) and UTF-16 with a byte-order mark are read as such; other bytes that are text in a
//! single-byte encoding are read as Windows-1252 (or ISO-8859-1, its subset, when no byte
//! tells them apart) or Mac-Roman, whichever reads more like text. Binary data (NUL bytes,
//! control characters) is refused. Evidence offsets are then into the decoded text, and the
//! caller reports which encoding was assumed.

/// The encoding a text was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (a byte-order mark, if any, is dropped).
    Utf8,
    /// UTF-16, little-endian, with a byte-order mark.
    Utf16Le,
    /// UTF-16, big-endian, with a byte-order mark.
    Utf16Be,
    /// Windows-1252 (bytes 0x80 to 0x9F are punctuation such as curly quotes).
    Windows1252,
    /// ISO-8859-1 (Latin-1).
    Latin1,
    /// Mac OS Roman.
    MacRoman,
}

impl Encoding {
    /// The encoding's usual name.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Windows1252 => "Windows-1252",
            Encoding::Latin1 => "ISO-8859-1",
            Encoding::MacRoman => "Mac-Roman",
        }
    }
}

/// Why bytes are not read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotText;

/// Windows-1252 at 0x80..=0x9F (`None`: undefined there).
const CP1252_HIGH: [Option<char>; 32] = [
    Some('€'), None, Some('‚'), Some('ƒ'), Some('„'), Some('…'), Some('†'), Some('‡'),
    Some('ˆ'), Some('‰'), Some('Š'), Some('‹'), Some('Œ'), None, Some('Ž'), None,
    None, Some('‘'), Some('’'), Some('“'), Some('”'), Some('•'), Some('–'), Some('—'),
    Some('˜'), Some('™'), Some('š'), Some('›'), Some('œ'), None, Some('ž'), Some('Ÿ'),
];

/// Mac OS Roman at 0x80..=0xFF.
const MAC_ROMAN_HIGH: &str = "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»…\u{a0}ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\u{f8ff}ÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ";

fn mac_roman(b: u8) -> char {
    if b < 0x80 {
        b as char
    } else {
        MAC_ROMAN_HIGH.chars().nth((b - 0x80) as usize).unwrap_or('\u{fffd}')
    }
}

fn cp1252(b: u8) -> Option<char> {
    match b {
        0x80..=0x9f => CP1252_HIGH[(b - 0x80) as usize],
        _ => Some(b as char),
    }
}

/// Whether decoded text looks like binary data: a NUL, or many control characters.
pub fn looks_binary(text: &str) -> bool {
    if text.contains('\0') {
        return true;
    }
    let mut n = 0usize;
    let mut ctl = 0usize;
    for c in text.chars().take(65_536) {
        n += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}') {
            ctl += 1;
        }
    }
    n > 0 && ctl * 10 > n
}

/// How much a single-byte decoding of `bytes` reads like text: punctuation and letters where
/// text has them gain, controls, undefined bytes and capitals inside lower-case words lose.
fn plausibility(bytes: &[u8], dec: impl Fn(u8) -> Option<char>) -> i64 {
    let mut score = 0i64;
    for (i, &b) in bytes.iter().enumerate() {
        if b < 0x80 {
            continue;
        }
        let prev = if i > 0 { bytes[i - 1] } else { b' ' };
        let next = bytes.get(i + 1).copied().unwrap_or(b' ');
        score += match dec(b) {
            None => -8,
            Some(c) if c.is_control() => -8,
            Some(c) if c.is_uppercase() && prev.is_ascii_lowercase() => -3,
            Some(c) if c.is_alphabetic() && !prev.is_ascii_alphabetic() && !next.is_ascii_alphabetic() => -1,
            Some(c) if c.is_alphabetic() => 1,
            Some('’' | '‘') if prev.is_ascii_alphabetic() || next.is_ascii_alphabetic() => 2,
            Some('“' | '”' | '–' | '—' | '…' | '•' | '©' | '®' | '™' | '§' | '°' | '«' | '»') => 2,
            Some('\u{a0}') => 1,
            Some(_) => 0,
        };
    }
    score
}

/// Decode the bytes of a text file. Errors only for binary data.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), NotText> {
    let utf16 = |be: bool| -> Result<String, NotText> {
        let body = &bytes[2..];
        let units = body.chunks(2).map(|c| {
            let (a, b) = (c[0] as u16, *c.get(1).unwrap_or(&0) as u16);
            if be { (a << 8) | b } else { (b << 8) | a }
        });
        Ok(char::decode_utf16(units).map(|r| r.unwrap_or('\u{fffd}')).collect())
    };
    let (text, enc) = if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        (String::from_utf8(rest.to_vec()).map_err(|_| NotText)?, Encoding::Utf8)
    } else if bytes.starts_with(b"\xff\xfe") {
        (utf16(false)?, Encoding::Utf16Le)
    } else if bytes.starts_with(b"\xfe\xff") {
        (utf16(true)?, Encoding::Utf16Be)
    } else if let Ok(s) = std::str::from_utf8(bytes) {
        (s.to_string(), Encoding::Utf8)
    } else {
        if bytes.contains(&0) {
            return Err(NotText);
        }
        let win = plausibility(bytes, cp1252);
        let mac = plausibility(bytes, |b| Some(mac_roman(b)));
        if mac > win {
            (bytes.iter().map(|&b| mac_roman(b)).collect(), Encoding::MacRoman)
        } else if bytes.iter().any(|b| (0x80..=0x9f).contains(b)) {
            (bytes.iter().map(|&b| cp1252(b).unwrap_or('\u{fffd}')).collect(), Encoding::Windows1252)
        } else {
            (bytes.iter().map(|&b| b as char).collect(), Encoding::Latin1)
        }
    };
    if looks_binary(&text) {
        return Err(NotText);
    }
    Ok((text, enc))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_read_as_it_is() {
        assert_eq!(decode("Licence ©".as_bytes()).unwrap(), ("Licence ©".to_string(), Encoding::Utf8));
        assert_eq!(decode(b"\xef\xbb\xbfMIT").unwrap(), ("MIT".to_string(), Encoding::Utf8));
    }

    #[test]
    fn utf16_with_a_bom() {
        let le: Vec<u8> = [0xff, 0xfe].into_iter().chain("Don’t".encode_utf16().flat_map(|u| u.to_le_bytes())).collect();
        assert_eq!(decode(&le).unwrap(), ("Don’t".to_string(), Encoding::Utf16Le));
        let be: Vec<u8> = [0xfe, 0xff].into_iter().chain("Don’t".encode_utf16().flat_map(|u| u.to_be_bytes())).collect();
        assert_eq!(decode(&be).unwrap(), ("Don’t".to_string(), Encoding::Utf16Be));
    }

    #[test]
    fn single_byte_encodings_are_told_apart() {
        // Windows-1252 curly quotes.
        let (t, e) = decode(b"You don\x92t need \x93permission\x94 \x96 really.").unwrap();
        assert_eq!((t.as_str(), e), ("You don’t need “permission” – really.", Encoding::Windows1252));
        // Latin-1: an accented name and a copyright sign, no byte of 0x80..0x9F.
        let (t, e) = decode(b"Copyright \xa9 2004 Andr\xe9 M\xfcller").unwrap();
        assert_eq!((t.as_str(), e), ("Copyright © 2004 André Müller", Encoding::Latin1));
        // Mac-Roman curly quotes and a dash.
        let (t, e) = decode(b"You don\xd5t need \xd2permission\xd3 \xd0 really.").unwrap();
        assert_eq!((t.as_str(), e), ("You don’t need “permission” – really.", Encoding::MacRoman));
    }

    #[test]
    fn binary_is_refused() {
        assert_eq!(decode(b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0"), Err(NotText));
        assert_eq!(decode(&[0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0e, 0x0f, 0x80, 0x81]), Err(NotText));
    }
}

//! Bytes to text: UTF-8 (with or without a byte-order mark) and UTF-16 as Windows Calendar
//! and some Outlook versions write it.

use super::{IcsError, Warning};

/// The largest file read. A decade of a busy calendar is a few tens of MB; anything much
/// larger is more likely a wrong file than a calendar, and would take long to preview.
pub const MAX_BYTES: usize = 200 * 1024 * 1024;

/// Decodes the file, returning the text and a warning when bytes had to be replaced.
pub fn decode(bytes: &[u8]) -> Result<(String, Option<Warning>), IcsError> {
    if bytes.len() > MAX_BYTES {
        return Err(IcsError::TooLarge {
            size_mb: (bytes.len() / (1024 * 1024)) as u64,
            limit_mb: (MAX_BYTES / (1024 * 1024)) as u64,
        });
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return Ok(utf8(rest));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes).map(|text| (text, None));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes).map(|text| (text, None));
    }
    // UTF-16 without a mark still starts with "B\0E\0" (or "\0B\0E"): a calendar begins
    // with BEGIN, so the zero bytes give the byte order away.
    match bytes {
        [b'B', 0, b'E', 0, ..] => utf16(bytes, u16::from_le_bytes).map(|text| (text, None)),
        [0, b'B', 0, b'E', ..] => utf16(bytes, u16::from_be_bytes).map(|text| (text, None)),
        _ => Ok(utf8(bytes)),
    }
}

fn utf8(bytes: &[u8]) -> (String, Option<Warning>) {
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_owned(), None),
        Err(error) => {
            let line = 1 + bytes[..error.valid_up_to()].split(|&b| b == b'\n').count() - 1;
            // Old exporters write Windows-1252; replacing the odd byte keeps every time right
            // and only touches a character of a title.
            let warning = Warning::at(
                line,
                "the file is not valid UTF-8; characters that could not be read are shown as \u{FFFD}",
            );
            (String::from_utf8_lossy(bytes).into_owned(), Some(warning))
        }
    }
}

fn utf16(bytes: &[u8], word: fn([u8; 2]) -> u16) -> Result<String, IcsError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(IcsError::Encoding(format!(
            "the file says it is UTF-16 but has an odd number of bytes ({})",
            bytes.len() + 2
        )));
    }
    let words = bytes.chunks_exact(2).map(|pair| word([pair[0], pair[1]]));
    char::decode_utf16(words)
        .map(|c| {
            c.map_err(|e| {
                IcsError::Encoding(format!(
                    "invalid UTF-16 (unpaired surrogate {:#06x})",
                    e.unpaired_surrogate()
                ))
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le_with_bom(text: &str) -> Vec<u8> {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        bytes
    }

    #[test]
    fn reads_utf8_with_and_without_a_mark() {
        assert_eq!(decode(b"BEGIN:VCALENDAR").map(|d| d.0), Ok("BEGIN:VCALENDAR".to_owned()));
        assert_eq!(decode(b"\xEF\xBB\xBFBEGIN").map(|d| d.0), Ok("BEGIN".to_owned()));
    }

    #[test]
    fn reads_utf16_in_both_byte_orders_with_or_without_a_mark() {
        let text = "BEGIN:VCALENDAR\r\nSUMMARY:Caf\u{e9}\r\n";
        assert_eq!(decode(&utf16le_with_bom(text)).map(|d| d.0), Ok(text.to_owned()));
        let be: Vec<u8> =
            [0xFE, 0xFF].into_iter().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect();
        assert_eq!(decode(&be).map(|d| d.0), Ok(text.to_owned()));
        let bare: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode(&bare).map(|d| d.0), Ok(text.to_owned()));
    }

    #[test]
    fn broken_utf16_is_refused_and_bad_utf8_is_replaced_with_a_warning() {
        assert!(matches!(decode(&[0xFF, 0xFE, b'B']), Err(IcsError::Encoding(_))));
        assert!(matches!(decode(&[0xFF, 0xFE, 0x00, 0xD8, b'B', 0]), Err(IcsError::Encoding(_))));
        let (text, warning) = decode(b"BEGIN\nSUMMARY:Caf\xE9\n").expect("lossy");
        assert!(text.contains('\u{FFFD}'));
        assert_eq!(warning.and_then(|w| w.line), Some(2));
    }
}

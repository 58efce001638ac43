//! What an upload is, decided from its first bytes (never from the name or the client's
//! Content-Type), checked against an allowlist and against the file name's extension.

/// (MIME type, extensions a file of that type may have)
const BINARY: &[(&str, &[&str])] = &[
    ("application/pdf", &["pdf"]),
    ("image/png", &["png"]),
    ("image/jpeg", &["jpg", "jpeg"]),
    ("image/gif", &["gif"]),
    ("image/webp", &["webp"]),
    ("application/zip", &["zip"]),
    (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        &["docx"],
    ),
    (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        &["xlsx"],
    ),
    (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        &["pptx"],
    ),
    ("application/vnd.oasis.opendocument.text", &["odt"]),
    ("application/vnd.oasis.opendocument.spreadsheet", &["ods"]),
    ("application/vnd.oasis.opendocument.presentation", &["odp"]),
];

/// Office formats are ZIP files; when the sniffer stops at "ZIP", the name decides which.
const ZIP_BASED: &[&str] = &["docx", "xlsx", "pptx", "odt", "ods", "odp"];

fn extension(filename: &str) -> String {
    match filename.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.to_ascii_lowercase(),
        _ => String::new(),
    }
}

fn mime_for_extension(ext: &str) -> Option<&'static str> {
    BINARY
        .iter()
        .find(|(_, exts)| exts.contains(&ext))
        .map(|(m, _)| *m)
}

/// The accepted MIME type of an upload, or why it is refused.
pub fn content_type(head: &[u8], filename: &str) -> Result<&'static str, String> {
    let ext = extension(filename);
    if let Some(t) = infer::get(head) {
        let mime = t.mime_type();
        if mime == "application/zip" && ZIP_BASED.contains(&ext.as_str()) {
            return Ok(mime_for_extension(&ext).unwrap_or("application/zip"));
        }
        let Some((mime, exts)) = BINARY.iter().find(|(m, _)| *m == mime) else {
            return Err(format!("files of type {mime} are not accepted"));
        };
        if !ext.is_empty() && !exts.contains(&ext.as_str()) {
            return Err(format!(
                "the content is {mime}, but the name ends in .{ext}"
            ));
        }
        return Ok(mime);
    }
    // No magic number: only text is left, and not markup a browser would run.
    if head.contains(&0) {
        return Err("binary files of this type are not accepted".into());
    }
    let valid = match std::str::from_utf8(head) {
        Ok(_) => true,
        // A multi-byte character cut by the end of the sniffed head is fine.
        Err(e) => e.error_len().is_none(),
    };
    if !valid {
        return Err("text files must be UTF-8".into());
    }
    let start: String = String::from_utf8_lossy(&head[..head.len().min(512)])
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase();
    if start.starts_with('<') {
        return Err("HTML, SVG and XML files are not accepted".into());
    }
    match ext.as_str() {
        "csv" => Ok("text/csv"),
        "md" | "markdown" => Ok("text/markdown"),
        "txt" | "" => Ok("text/plain"),
        other => Err(format!(
            "the content is plain text, but the name ends in .{other}"
        )),
    }
}

/// A file name safe to store and to send back: no path, no control or reserved characters,
/// at most 200 characters (the extension kept).
pub fn filename(raw: &str) -> String {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control() && !"<>:\"|?*".contains(*c))
        .collect();
    let cleaned = cleaned.trim().trim_matches('.').trim().to_owned();
    let cleaned = if cleaned.is_empty() {
        "document".to_owned()
    } else {
        cleaned
    };
    if cleaned.chars().count() <= 200 {
        return cleaned;
    }
    let ext = extension(&cleaned);
    let keep = 200 - ext.chars().count().min(20) - 1;
    let stem: String = cleaned.chars().take(keep).collect();
    if ext.is_empty() || ext.chars().count() > 20 {
        cleaned.chars().take(200).collect()
    } else {
        format!("{stem}.{ext}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decides_from_content() {
        assert_eq!(
            content_type(b"%PDF-1.7\n...", "plan.pdf"),
            Ok("application/pdf")
        );
        assert_eq!(
            content_type(b"%PDF-1.7\n...", "plan"),
            Ok("application/pdf")
        );
        assert!(content_type(b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", "plan.pdf").is_err());
        assert!(content_type(b"<!DOCTYPE html><html><script>", "plan.pdf").is_err());
        assert!(content_type(b"  <svg xmlns='http://www.w3.org/2000/svg'>", "x.txt").is_err());
        assert!(content_type(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "photo.pdf").is_err());
        assert_eq!(content_type(b"a,b\n1,2\n", "data.csv"), Ok("text/csv"));
        assert_eq!(
            content_type("# Plan ✓".as_bytes(), "notes.md"),
            Ok("text/markdown")
        );
        assert!(content_type(b"just text", "report.pdf").is_err());
        assert!(content_type(b"MZ\x90\0\x03\0\0\0", "setup.exe").is_err());
        assert!(content_type(&[0xff, 0xfe, 0x00, 0x41], "x.txt").is_err());
    }

    #[test]
    fn names_lose_paths_and_dangerous_characters() {
        assert_eq!(filename("../../etc/passwd"), "passwd");
        assert_eq!(filename("C:\\Users\\ana\\Plan<v2>.pdf"), "Planv2.pdf");
        assert_eq!(filename("..."), "document");
        assert_eq!(filename("Ωμέγα\n plan.pdf"), "Ωμέγα plan.pdf");
        let long = format!("{}.pdf", "x".repeat(300));
        let f = filename(&long);
        assert_eq!(f.chars().count(), 200);
        assert!(f.ends_with(".pdf"));
    }
}

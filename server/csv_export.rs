//! CSV downloads (event registrations, practice exports): RFC 4180 with CRLF line ends,
//! fields quoted when needed, and a `'` before any cell a spreadsheet would run as a
//! formula (`=`, `+`, `-`, `@`, tab, carriage return).

use crate::error::{AppError, AppResult};

/// A user-supplied cell, defused.
pub fn cell(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_owned()
    }
}

pub fn write(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> AppResult<String> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(header).map_err(AppError::internal)?;
    for r in rows {
        w.write_record(r).map_err(AppError::internal)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| AppError::internal(e.into_error()))?;
    String::from_utf8(bytes).map_err(AppError::internal)
}

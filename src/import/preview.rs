//! The import preview (filled in below).

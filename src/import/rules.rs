//! Categorisation rules (filled in below).

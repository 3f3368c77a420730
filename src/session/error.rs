//! What can go wrong applying a command or working on the file as a whole, in words the user
//! reads as they are.

use crate::store::StoreError;

#[derive(Debug, Clone, thiserror::Error)]
pub enum SessionError {
    /// The write was refused (a field at fault, a record in use) or the database failed; nothing
    /// of this command was saved.
    #[error("{0}")]
    Refused(String),
    /// Data safety first: no import, restore or replacement without a copy to go back to.
    #[error("Nothing was changed: the backup before {what} failed ({detail})")]
    BackupFailed { what: &'static str, detail: String },
    #[error("No database is open")]
    NoDatabase,
}

impl From<StoreError> for SessionError {
    fn from(error: StoreError) -> Self {
        Self::Refused(error.to_string())
    }
}

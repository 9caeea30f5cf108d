//! The demo's own SQLite file, recreated on every `solvo serve --demo` without a database URL.
//! Only this one name is ever deleted, so a real database cannot be lost to the demo.

use std::io::ErrorKind;
use std::path::Path;

/// The file `solvo serve --demo` uses when no database URL is given.
pub const DEMO_DATABASE_FILE: &str = "solvo-demo.db";

/// Deletes the demo database at `path` with its WAL and shared-memory files, if they exist, so
/// the demo starts from nothing.
///
/// # Errors
/// A file that exists but cannot be removed.
pub fn recreate_file(path: &Path) -> std::io::Result<()> {
    let name = path.as_os_str().to_owned();
    for suffix in ["", "-wal", "-shm"] {
        let mut file = name.clone();
        file.push(suffix);
        match std::fs::remove_file(&file) {
            Ok(()) => {
                tracing::info!(file = %Path::new(&file).display(), "removed the previous demo database");
            }
            Err(err) if err.kind() == ErrorKind::NotFound => {}
            Err(err) => return Err(err),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_database_and_its_wal_files_go_and_missing_ones_are_fine() -> std::io::Result<()> {
        let dir = tempfile_dir()?;
        let db = dir.join(DEMO_DATABASE_FILE);
        for suffix in ["", "-wal", "-shm"] {
            std::fs::write(format!("{}{suffix}", db.display()), b"x")?;
        }
        recreate_file(&db)?;
        recreate_file(&db)?;
        assert!(std::fs::read_dir(&dir)?.next().is_none());
        std::fs::remove_dir(&dir)
    }

    fn tempfile_dir() -> std::io::Result<std::path::PathBuf> {
        let dir = std::env::temp_dir().join(format!("solvo-demo-file-{}", std::process::id()));
        std::fs::create_dir_all(&dir)?;
        Ok(dir)
    }
}

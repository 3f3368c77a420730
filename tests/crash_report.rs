//! The crash report, as the app installs it: a panic anywhere writes a short report beside the
//! database (what was being done, where, the version, the backtrace; no note text), the next
//! start is told about it once, and a panic caught around a third-party parser writes nothing.
//! Its own test program, because the panic hook is global to the process.

use leadline::crash;

fn reports(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.contains(".crash-") && std::path::Path::new(n).extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    names
}

#[test]
fn a_panic_leaves_a_report_beside_the_database_and_a_caught_one_does_not() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("leadline.db");
    crash::install(&db);
    assert_eq!(crash::previous_report(&db), None, "a first start has nothing to tell");

    // A fault in a dependency, caught where the app calls it: a message, no report.
    let caught = crash::catch_quietly(|| "TU\u{FFFD}"[3..].len()).expect_err("the slice panics");
    assert!(caught.message.contains("is not a char boundary"), "{caught}");
    assert!(!caught.message.contains("TU"), "the input stays out of the message: {caught}");
    assert!(reports(dir.path()).is_empty(), "a caught panic writes no report");
    assert_eq!(crash::previous_report(&db), None);

    // A panic nobody catches, on a worker thread while saving a note.
    let worker = std::thread::Builder::new()
        .name("worker".into())
        .spawn(|| {
            let _doing = crash::doing("saving one-on-one notes");
            let note = "Ana's secret: she is interviewing elsewhere";
            panic!("could not save \"{note}\"");
        })
        .expect("spawn");
    assert!(worker.join().is_err(), "the worker panicked");

    let [name] = reports(dir.path()).try_into().unwrap_or_else(|r| panic!("one report expected: {r:?}"));
    assert!(name.starts_with("leadline.db.crash-"), "{name}");
    let previous = crash::previous_report(&db).expect("the next start is told");
    assert_eq!(previous.report, dir.path().join(&name));
    let text = std::fs::read_to_string(&previous.report).expect("readable");
    let version = format!("Leadline {} stopped unexpectedly.", env!("CARGO_PKG_VERSION"));
    for expected in [
        version.as_str(),
        "Doing:   saving one-on-one notes",
        "Thread:  worker",
        "Where:   tests/crash_report.rs:",
        "Message: could not save \"…\"",
        "Your data is safe",
        "Backtrace:",
    ] {
        assert!(text.contains(expected), "{expected:?} missing from\n{text}");
    }
    assert!(!text.contains("interviewing"), "no note text in the report:\n{text}");
    assert!(previous.message().contains(&previous.report.display().to_string()));

    crash::acknowledge(&db).expect("acknowledged");
    assert_eq!(crash::previous_report(&db), None, "told about once");
    assert!(previous.report.is_file(), "the report itself stays");
}

/// The decision about noise: a panic the net catches prints nothing on the terminal (the
/// default hook would print "thread … panicked at …" for a fault the manager already sees as
/// a warning). Run in a child process, whose terminal output this test can read; the control
/// shows that an uncaught panic there does print, so the check can see one.
#[test]
fn a_caught_panic_prints_nothing_on_the_terminal() {
    const TEST: &str = "a_caught_panic_prints_nothing_on_the_terminal";
    match std::env::var("LEADLINE_CRASH_CHILD").as_deref() {
        Ok("quiet") => {
            assert!(crash::catch_quietly(|| "TU\u{FFFD}"[3..].len()).is_err());
            println!("caught quietly");
            return;
        }
        Ok(_) => {
            assert!(std::panic::catch_unwind(|| "TU\u{FFFD}"[3..].len()).is_err());
            println!("caught loudly");
            return;
        }
        Err(_) => {}
    }
    let child = |mode: &str| {
        std::process::Command::new(std::env::current_exe().expect("this test program"))
            .args(["--exact", TEST, "--nocapture", "--test-threads", "1"])
            .env("LEADLINE_CRASH_CHILD", mode)
            .output()
            .expect("run the child")
    };
    let quiet = child("quiet");
    let (stdout, stderr) = (String::from_utf8_lossy(&quiet.stdout), String::from_utf8_lossy(&quiet.stderr));
    assert!(quiet.status.success() && stdout.contains("caught quietly"), "{stdout}\n{stderr}");
    assert!(!stderr.contains("panicked"), "the caught panic was printed:\n{stderr}");
    let loud = child("loud");
    let (stdout, stderr) = (String::from_utf8_lossy(&loud.stdout), String::from_utf8_lossy(&loud.stderr));
    assert!(loud.status.success() && stdout.contains("caught loudly"), "{stdout}\n{stderr}");
    assert!(stderr.contains("panicked"), "the control printed nothing:\n{stderr}");
}

//! What the integration tests share: running the real `adal` binary, temporary folders, and the page a
//! Trunk build writes.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

pub fn adal(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_adal"))
        .args(args)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .expect("adal runs")
}

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A fresh temporary folder, removed when dropped.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("adal-test-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("temp dir");
        TempDir(dir)
    }

    pub fn path(&self, name: &str) -> String {
        self.0.join(name).display().to_string()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

pub fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

pub fn read_json(path: &str) -> Value {
    serde_json::from_slice(&fs::read(path).expect("file exists")).expect("valid JSON")
}

/// Copies a folder (the committed data) into a test's site folder.
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("folder");
    for entry in fs::read_dir(from).expect("readable") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).expect("copied");
        }
    }
}

/// The head of a page as `trunk build --release` writes it (minified, hashed names, Trunk.toml's
/// patterns, the post-build hook's `adal:` names).
pub const TRUNK_PAGE: &str = "<!DOCTYPE html><html lang=kk><head><meta charset=utf-8><base href=/>\
<link href=/main-0a1b2c3d4e5f6a7b.css rel=stylesheet><link href=/adal-atlas-1111111111111111.js rel=modulepreload>\
<link as=fetch crossorigin href=/adal-atlas-1111111111111111_bg.wasm rel=preload type=application/wasm>\
<meta content=adal-atlas-1111111111111111.js name=adal:app><meta content=adal-atlas-1111111111111111_bg.wasm name=adal:wasm>\
<script src=/boot-2222222222222222.js type=module></script><meta name=adal:worker content=chart-worker-3333333333333333_loader.js>\
<meta name=adal:echarts content=vendor/echarts-4444444444444444.min.js></head><body><div id=app></div></body></html>";

pub fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

/// Every personal value in the mixed fixtures: none may appear in any output.
pub const PERSONAL: &[&str] = &[
    "Тестбек",
    "Жекеадамов",
    "+7 701 555",
    "Секретжан",
    "Тайный",
    "87015550",
    "Ұзақ күттім",
    "бірақ жақсы",
    "приходите завтра",
    "Плохой",
    "+7701000",
    "870101300555",
    "V-00",
    "V-10",
    "ЦОН №2",
    "секрет",
    "Жалобщик",
    "Секретов",
    "90010130",
    "Требовали деньги",
    "Аноним",
    "Плохая",
    "C-9",
    "лишнее",
];

pub fn assert_no_personal_data(what: &str, content: &str) {
    for value in PERSONAL {
        assert!(
            !content.contains(value),
            "{what} contains the personal value {value:?}"
        );
    }
}

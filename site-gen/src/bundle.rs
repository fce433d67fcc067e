//! Bundling the form filler: `cargo build` of app/ (and of deliver/, its second module) for wasm32 with the size-tuned profile,
//! wasm-bindgen through its library (the same pinned version as the app's `wasm-bindgen`, so
//! the two never drift), then `wasm-opt -Oz` when one is available.
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};

const TARGET: &str = "wasm32-unknown-unknown";
/// The size-tuned profile of the workspace's Cargo.toml. `KYOYU_APP_PROFILE=dev` builds faster
/// (for working on the app); releases and tests use this one.
const PROFILE: &str = "wasm-release";

fn profile() -> String {
    std::env::var("KYOYU_APP_PROFILE").unwrap_or_else(|_| PROFILE.to_string())
}

/// The app's files, ready to be fingerprinted.
#[derive(Debug, Clone)]
pub struct AppBundle {
    pub js: Vec<u8>,
    pub wasm: Vec<u8>,
    /// How the wasm was optimised (for the build report).
    pub optimised: String,
    /// The second module, loaded by the app on first use: the workbook, e-mail and zip
    /// writers (`deliver/`, package `kyoyu-deliver`). None for a root without that package
    /// (the benchmark's hello-world app).
    pub deliver: Option<WasmModule>,
}

/// One wasm-bindgen module: its JavaScript glue and its WebAssembly.
#[derive(Debug, Clone)]
pub struct WasmModule {
    pub js: Vec<u8>,
    pub wasm: Vec<u8>,
}

/// Builds app/ below `root` (and deliver/, when the root has it) and returns their JavaScript
/// glue and WebAssembly.
pub fn build_app(root: &Path) -> Result<AppBundle> {
    ensure_wasm_target()?;
    let (app, optimised) = build_module(root, "kyoyu-app", "kyoyu-app", "app/")?;
    let deliver = if root.join("deliver/Cargo.toml").is_file() {
        Some(build_module(root, "kyoyu-deliver", "kyoyu_deliver", "deliver/")?.0)
    } else {
        None
    };
    Ok(AppBundle {
        js: app.js,
        wasm: app.wasm,
        optimised,
        deliver,
    })
}

/// `cargo build` of one package for wasm32 (its own invocation, so that the features of one
/// module never enlarge the other), wasm-bindgen, then wasm-opt. `artifact` is the name of
/// the .wasm cargo writes (a library's name has `_` for `-`); the glue is named `package`.
fn build_module(
    root: &Path,
    package: &str,
    artifact: &str,
    folder: &str,
) -> Result<(WasmModule, String)> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let target_dir = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    let profile = profile();
    let status = Command::new(&cargo)
        .current_dir(root)
        .args([
            "build",
            "-p",
            package,
            "--target",
            TARGET,
            "--profile",
            &profile,
        ])
        .arg("--target-dir")
        .arg(&target_dir)
        .status()
        .with_context(|| format!("{cargo} を起動できません"))?;
    if !status.success() {
        bail!("{folder} のビルドに失敗しました (cargo build -p {package} --target {TARGET} --profile {profile})");
    }
    let dir = if profile == "dev" {
        "debug"
    } else {
        profile.as_str()
    };
    let wasm_in = target_dir
        .join(TARGET)
        .join(dir)
        .join(format!("{artifact}.wasm"));
    let tmp = target_dir.join(format!("{package}-bindgen"));
    if tmp.exists() {
        std::fs::remove_dir_all(&tmp)?;
    }
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&wasm_in)
        .out_name(package)
        .web(true)?
        .typescript(false)
        .remove_producers_section(true)
        .generate(&tmp)
        .context("wasm-bindgen に失敗しました")?;
    let wasm_path = tmp.join(format!("{package}_bg.wasm"));
    let optimised = match find_wasm_opt(root) {
        _ if profile == "dev" => "dev プロファイル (最適化なし)".to_string(),
        Some(wasm_opt) => {
            let out = tmp.join(format!("{package}_opt.wasm"));
            let st = Command::new(&wasm_opt)
                .arg(&wasm_path)
                .args([
                    "-Oz",
                    "--enable-bulk-memory",
                    "--enable-nontrapping-float-to-int",
                    "--enable-sign-ext",
                    "--enable-mutable-globals",
                    "--enable-reference-types",
                    "--enable-multivalue",
                    "-o",
                ])
                .arg(&out)
                .status()
                .with_context(|| format!("{} を起動できません", wasm_opt.display()))?;
            if !st.success() {
                bail!("wasm-opt に失敗しました");
            }
            std::fs::rename(&out, &wasm_path)?;
            format!("wasm-opt -Oz ({})", wasm_opt.display())
        }
        None => {
            eprintln!("site-gen: wasm-opt が見つからないため最適化を省略します (npm ci で binaryen を入れると使われます)");
            "wasm-opt なし".into()
        }
    };
    let module = WasmModule {
        js: std::fs::read(tmp.join(format!("{package}.js")))?,
        wasm: std::fs::read(&wasm_path)?,
    };
    Ok((module, optimised))
}

/// Installs the wasm32 target through rustup when it is missing.
fn ensure_wasm_target() -> Result<()> {
    let sysroot = Command::new("rustc")
        .args(["--print", "sysroot"])
        .output()
        .context("rustc が見つかりません")?;
    let sysroot = String::from_utf8_lossy(&sysroot.stdout).trim().to_string();
    if Path::new(&sysroot)
        .join("lib/rustlib")
        .join(TARGET)
        .is_dir()
    {
        return Ok(());
    }
    if Command::new("rustup").arg("--version").output().is_err() {
        bail!("Rust の {TARGET} ターゲットがありません。rustup をインストールするか、お使いの Rust に {TARGET} の標準ライブラリを追加してください。");
    }
    eprintln!("site-gen: {TARGET} ターゲットがないため rustup target add {TARGET} を実行します");
    let st = Command::new("rustup")
        .args(["target", "add", TARGET])
        .status()?;
    if !st.success() {
        bail!("rustup target add {TARGET} に失敗しました");
    }
    Ok(())
}

/// `wasm-opt` from `node_modules/.bin` (npm's binaryen) or the PATH.
fn find_wasm_opt(root: &Path) -> Option<PathBuf> {
    let local = root.join("node_modules/.bin/wasm-opt");
    if local.exists() {
        return Some(local);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join("wasm-opt"))
        .find(|p| p.exists())
}

//! Bundling the form filler: `cargo build` of app/ (and of deliver/, its second module) for wasm32 with the size-tuned profile,
//! wasm-bindgen through its library (the same pinned version as the app's `wasm-bindgen`, so
//! the two never drift), then `wasm-opt -Oz` (binaryen, installed with `npm ci` when missing).
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
    // Before the long compile, so that what is missing is said at once.
    let wasm_opt = if profile() == "dev" {
        None
    } else {
        Some(find_wasm_opt(root)?)
    };
    let wasm_opt = wasm_opt.as_deref();
    let (app, optimised) = build_module(root, "kyoyu-app", "kyoyu-app", "app/", wasm_opt)?;
    let deliver = if root.join("deliver/Cargo.toml").is_file() {
        Some(build_module(root, "kyoyu-deliver", "kyoyu_deliver", "deliver/", wasm_opt)?.0)
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
    wasm_opt: Option<&Path>,
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
    let optimised = if let Some(wasm_opt) = wasm_opt {
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
            bail!("wasm-opt に失敗しました ({})", wasm_opt.display());
        }
        std::fs::rename(&out, &wasm_path)?;
        format!("wasm-opt -Oz ({})", wasm_opt.display())
    } else {
        "dev プロファイル (最適化なし)".to_string()
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

/// `wasm-opt`, the same as the tests use: binaryen from the project's `npm ci` (its version is
/// pinned in package-lock.json), installed here with `npm ci` when there is no `node_modules/`
/// yet and npm is there; else a `wasm-opt` on the PATH; else an error that says what is missing.
fn find_wasm_opt(root: &Path) -> Result<PathBuf> {
    let local = root.join("node_modules/.bin/wasm-opt");
    if local.exists() {
        return Ok(local);
    }
    let has_lock = root.join("package-lock.json").is_file();
    let npm = Command::new("npm")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if has_lock && npm && !root.join("node_modules").exists() {
        eprintln!("site-gen: wasm-opt (binaryen) を入れるため npm ci を実行します");
        let st = Command::new("npm")
            .current_dir(root)
            .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
            .status()
            .context("npm を起動できません")?;
        if st.success() && local.exists() {
            return Ok(local);
        }
        bail!(
            "npm ci に失敗しました ({} で npm ci を実行し、エラーを確かめてください)",
            root.display()
        );
    }
    if let Some(on_path) = std::env::var_os("PATH").and_then(|path| {
        std::env::split_paths(&path)
            .map(|d| d.join("wasm-opt"))
            .find(|p| p.is_file())
    }) {
        eprintln!(
            "site-gen: node_modules に binaryen がないため PATH の {} を使います",
            on_path.display()
        );
        return Ok(on_path);
    }
    if has_lock && npm {
        bail!(
            "wasm-opt がありません: {} に node_modules/ はありますが binaryen が入っていません。npm ci を実行してください",
            root.display()
        );
    }
    bail!(
        "wasm-opt がありません。Node.js と npm を入れると (Debian: sudo apt-get install nodejs npm) site-gen が npm ci で \
         binaryen を入れます。binaryen の wasm-opt を PATH に置いても使えます。最適化なしで試すだけなら \
         KYOYU_APP_PROFILE=dev を付けてください"
    )
}

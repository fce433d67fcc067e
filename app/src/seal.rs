//! Encryption at rest, through the browser's WebCrypto (`crypto.subtle`): a passphrase becomes an
//! AES-256-GCM key with PBKDF2-SHA-256 ([`crate::storage::ITERATIONS`] rounds, a random 16-byte salt); every
//! write is sealed with a fresh random 12-byte IV. The key is never extractable and lives only in
//! the memory of the page (see [`crate::storage`] for what is stored). [`WebCrypto`] is the
//! storage layer's [`Crypto`].

use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

use crate::storage::Crypto;

fn subtle() -> Result<SubtleCrypto, String> {
    let crypto = web_sys::window()
        .ok_or("window がありません")?
        .crypto()
        .map_err(|_| "このブラウザでは暗号化 (WebCrypto) を使えません".to_string())?;
    Ok(crypto.subtle())
}

fn js_err(e: JsValue) -> String {
    js_sys::Reflect::get(&e, &JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_else(|| format!("{e:?}"))
}

/// `n` random bytes from the browser's CSPRNG.
fn random_bytes(n: usize) -> Result<Vec<u8>, String> {
    let mut bytes = vec![0u8; n];
    web_sys::window()
        .ok_or("window がありません")?
        .crypto()
        .map_err(js_err)?
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(js_err)?;
    Ok(bytes)
}

/// The AES-256-GCM key of a passphrase (PBKDF2-SHA-256).
async fn derive_key(passphrase: &str, salt: &[u8], iterations: u32) -> Result<CryptoKey, String> {
    let s = subtle()?;
    let raw = Uint8Array::from(passphrase.as_bytes());
    let usages = Array::of1(&JsValue::from_str("deriveKey"));
    let base = JsFuture::from(
        s.import_key_with_str("raw", &raw, "PBKDF2", false, &usages)
            .map_err(js_err)?,
    )
    .await
    .map_err(js_err)?;
    let base: CryptoKey = base.dyn_into().map_err(js_err)?;
    let salt = Uint8Array::from(salt);
    let params = web_sys::Pbkdf2Params::new_with_str("PBKDF2", "SHA-256", iterations, &salt);
    let target = web_sys::AesDerivedKeyParams::new("AES-GCM", 256);
    let usages = Array::of2(&JsValue::from_str("encrypt"), &JsValue::from_str("decrypt"));
    let key = JsFuture::from(
        s.derive_key_with_object_and_object(&params, &base, &target, false, &usages)
            .map_err(js_err)?,
    )
    .await
    .map_err(js_err)?;
    key.dyn_into().map_err(js_err)
}

/// Seals `plain` (with `aad` bound to it): (iv, ciphertext with its tag).
async fn encrypt(key: &CryptoKey, plain: &[u8], aad: &[u8]) -> Result<(Vec<u8>, Vec<u8>), String> {
    let iv = random_bytes(12)?;
    let params = web_sys::AesGcmParams::new("AES-GCM", &Uint8Array::from(iv.as_slice()));
    params.set_additional_data_u8_array(&Uint8Array::from(aad));
    let data = Uint8Array::from(plain);
    let ct = JsFuture::from(
        subtle()?
            .encrypt_with_object_and_buffer_source(&params, key, &data)
            .map_err(js_err)?,
    )
    .await
    .map_err(js_err)?;
    Ok((iv, Uint8Array::new(&ct).to_vec()))
}

/// Opens what [`encrypt`] sealed; Err when the key or `aad` is not the one it was sealed with,
/// or the data was changed.
async fn decrypt(key: &CryptoKey, iv: &[u8], ct: &[u8], aad: &[u8]) -> Result<Vec<u8>, String> {
    let params = web_sys::AesGcmParams::new("AES-GCM", &Uint8Array::from(iv));
    params.set_additional_data_u8_array(&Uint8Array::from(aad));
    let data = Uint8Array::from(ct);
    let plain = JsFuture::from(
        subtle()?
            .decrypt_with_object_and_buffer_source(&params, key, &data)
            .map_err(js_err)?,
    )
    .await
    .map_err(js_err)?;
    Ok(Uint8Array::new(&plain).to_vec())
}

/// The browser's WebCrypto as the storage layer's cipher.
#[derive(Debug, Clone, Copy)]
pub struct WebCrypto;

impl Crypto for WebCrypto {
    type Key = CryptoKey;

    fn random(&self, n: usize) -> Result<Vec<u8>, String> {
        random_bytes(n)
    }

    async fn derive(
        &self,
        passphrase: &str,
        salt: &[u8],
        iterations: u32,
    ) -> Result<CryptoKey, String> {
        derive_key(passphrase, salt, iterations).await
    }

    async fn seal(
        &self,
        key: &CryptoKey,
        plain: &[u8],
        aad: &[u8],
    ) -> Result<(Vec<u8>, Vec<u8>), String> {
        encrypt(key, plain, aad).await
    }

    async fn open(
        &self,
        key: &CryptoKey,
        iv: &[u8],
        ct: &[u8],
        aad: &[u8],
    ) -> Result<Vec<u8>, String> {
        decrypt(key, iv, ct, aad).await
    }
}

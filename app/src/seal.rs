//! Encryption at rest, through the browser's WebCrypto (`crypto.subtle`): a passphrase becomes an
//! AES-256-GCM key with PBKDF2-SHA-256 ([`ITERATIONS`] rounds, a random 16-byte salt); every
//! write is sealed with a fresh random 12-byte IV. The key is never extractable and lives only in
//! the memory of the page (see [`crate::storage`] for what is stored).

use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

/// PBKDF2 rounds for new keys (OWASP's 2023 figure for PBKDF2-HMAC-SHA256).
pub const ITERATIONS: u32 = 600_000;
/// The fewest rounds a stored key-check record may ask for.
pub const MIN_ITERATIONS: u32 = 600_000;

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
pub fn random_bytes(n: usize) -> Result<Vec<u8>, String> {
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
pub async fn derive_key(
    passphrase: &str,
    salt: &[u8],
    iterations: u32,
) -> Result<CryptoKey, String> {
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
pub async fn encrypt(
    key: &CryptoKey,
    plain: &[u8],
    aad: &[u8],
) -> Result<(Vec<u8>, Vec<u8>), String> {
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
pub async fn decrypt(key: &CryptoKey, iv: &[u8], ct: &[u8], aad: &[u8]) -> Result<Vec<u8>, String> {
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

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding.
pub fn b64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        out.push(B64[(n >> 18) as usize & 63] as char);
        out.push(B64[(n >> 12) as usize & 63] as char);
        out.push(if chunk.len() > 1 {
            B64[(n >> 6) as usize & 63] as char
        } else {
            '='
        });
        out.push(if chunk.len() > 2 {
            B64[n as usize & 63] as char
        } else {
            '='
        });
    }
    out
}

/// Decodes standard base64 (padding optional); None on any other character.
pub fn b64_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let mut acc = 0u32;
    let mut bits = 0;
    for c in text.trim_end_matches('=').bytes() {
        let v = B64.iter().position(|&x| x == c)? as u32;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trip() {
        for s in ["", "f", "fo", "foo", "foob", "fooba", "foobar"] {
            let e = b64_encode(s.as_bytes());
            assert_eq!(b64_decode(&e).unwrap(), s.as_bytes());
        }
        assert_eq!(b64_encode(b"foobar"), "Zm9vYmFy");
        assert_eq!(b64_encode(b"fo"), "Zm8=");
        assert!(b64_decode("a*b").is_none());
    }
}

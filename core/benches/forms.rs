//! Validation and rendering of the fully filled 図5 report (`cargo bench -p kyoyu-core`).
//! Goals on this project's machine: validate ≤ 100 µs, render ≤ 1 ms.
use criterion::{black_box, criterion_group, criterion_main, Criterion};

use kyoyu_core::envelope::Envelope;
use kyoyu_core::follow_up::{diff, follow_up};
use kyoyu_core::render::{plain_text, print_html};
use kyoyu_core::validate::validate;

fn zu5() -> Envelope {
    Envelope::from_json(include_str!("../../tests/fixtures/zu5-incident.json"))
        .expect("図5 fixture")
}

fn benches(c: &mut Criterion) {
    let env = zu5();
    let report = &env.report;
    c.bench_function("validate 図5", |b| b.iter(|| validate(black_box(report))));
    c.bench_function("print_html 図5", |b| {
        b.iter(|| print_html(black_box(report), &[]))
    });
    c.bench_function("plain_text 図5", |b| {
        b.iter(|| plain_text(black_box(report)))
    });
    let next = follow_up(&env, "2023-08-20T10:00");
    c.bench_function("diff 図5 → 第2報", |b| {
        b.iter(|| diff(black_box(report), black_box(&next.report)))
    });
    c.bench_function("envelope round trip 図5", |b| {
        b.iter(|| Envelope::from_json(&black_box(&env).to_json_pretty()).unwrap())
    });
}

criterion_group!(forms, benches);
criterion_main!(forms);
